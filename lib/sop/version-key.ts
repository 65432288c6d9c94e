/**
 * The key of one SOP version, in the catalogue, STATE_MACHINES and the stack's machines. A module of its
 * own so that functions that only look versions up do not bundle the YAML loader (lib/sop/versions.ts).
 */
export const versionKey = (id: string, versi: number) => `${id}@${versi}`;
