/**
 * The environment each handler runs with: the variables that name its resources and settings. This is
 * the contract between a handler and the infrastructure that runs it, in both runtimes:
 * - infra/lakip-stack.ts binds each function to its resources, and a CDK test checks that every
 *   function's synthesized environment is exactly what its handler declares here, each named resource
 *   granted and nothing else;
 * - the local runtime gives each handler exactly its synthesized environment, and functions/commons/
 *   runtime.ts reads a variable only when the port that needs it is first used, so a handler using a
 *   resource it did not declare fails in the e2e tests, not in the cloud.
 * Kept free of imports so that the CDK app and tests can read it without loading the AWS SDK.
 */
export const VARIABLES = {
  TABLE_NAME: 'the single DynamoDB table',
  WORK_BUCKET: 'the working bucket (drafts, workbooks, uploads)',
  ARCHIVE_BUCKET: 'the archive bucket (signed reports under Object Lock)',
  STATE_MACHINES: 'JSON map of SOP id to state machine ARN',
  MAIL_FROM: 'the verified SES sender',
  PUBLIC_URL: 'base URL of the task pages, for links in mail',
} as const;

export type Variable = keyof typeof VARIABLES;

/** Variables every function gets from its construct, whatever its handler (not resources). */
export const FUNCTION_DEFAULTS = ['LAKIP_CONFIG_DIR'] as const;

export interface HandlerEnv {
  required: readonly Variable[];
  /** Set for some of the functions running this handler (e.g. the archive bucket for the archiving step). */
  optional?: readonly Variable[];
}

/** Per handler folder under functions/: what it reads from its environment. */
export const HANDLER_ENV: Record<string, HandlerEnv> = {
  // The system's part of each step: records, documents, notices to people.
  step: {
    required: ['TABLE_NAME', 'WORK_BUCKET', 'MAIL_FROM', 'PUBLIC_URL'],
    optional: ['ARCHIVE_BUCKET'],
  },
  // Document rendering (the integrator's functions/document): as the step, with the archive for `arsip`.
  document: {
    required: ['TABLE_NAME', 'WORK_BUCKET', 'MAIL_FROM', 'PUBLIC_URL'],
    optional: ['ARCHIVE_BUCKET'],
  },
  // Opens a person's task and mails the link; no documents.
  'human-task': { required: ['TABLE_NAME', 'MAIL_FROM', 'PUBLIC_URL'] },
  // Reads an uploaded workbook, completes the unit's task (SendTaskSuccess) or mails why not.
  'upload-received': {
    required: ['TABLE_NAME', 'WORK_BUCKET', 'STATE_MACHINES', 'MAIL_FROM', 'PUBLIC_URL'],
  },
  // Reminders and escalation: mails fresh links; no documents.
  sweep: { required: ['TABLE_NAME', 'MAIL_FROM', 'PUBLIC_URL'] },
  // Task pages and operator routes: signs downloads and upload forms, records decisions, starts cycles.
  api: { required: ['TABLE_NAME', 'WORK_BUCKET', 'ARCHIVE_BUCKET', 'STATE_MACHINES'] },
};

/** Every variable a function running `handler` may carry. */
export function allowedVariables(handler: string): Set<string> {
  const e = HANDLER_ENV[handler];
  if (!e) throw new Error(`handler '${handler}' declares no environment in functions/commons/env.ts`);
  return new Set<string>([...e.required, ...(e.optional ?? []), ...FUNCTION_DEFAULTS]);
}
