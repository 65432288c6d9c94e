import type { Catalogue } from './catalogue.ts';

/**
 * The catalogue as JSON, checked once when the CDK app is synthesized and shipped beside each function
 * (config/katalog.json): the functions read it without the YAML parser and the validation schemas, which
 * would otherwise be most of every bundle. Maps and Sets round-trip, whatever fields the catalogue has.
 */
export const KATALOG_JSON = 'katalog.json';

export function catalogueToJson(cat: Catalogue): string {
  return JSON.stringify(cat, (_k, v) =>
    v instanceof Map ? { __map: [...v.entries()] } : v instanceof Set ? { __set: [...v] } : v,
  );
}

export function catalogueFromJson(text: string, dir: string): Catalogue {
  const cat = JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && '__map' in v
      ? new Map(v.__map)
      : v && typeof v === 'object' && '__set' in v
        ? new Set(v.__set)
        : v,
  ) as Catalogue;
  return { ...cat, dir };
}
