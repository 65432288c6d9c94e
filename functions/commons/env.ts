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
  STATE_MACHINES: 'JSON map of SOP version (<id>@<versi>) to state machine ARN',
  MAIL_FROM: 'the verified SES sender',
  PUBLIC_URL: 'base URL of the task pages, for links in mail',
  SIGNING_KEY: 'the KMS key (RSA_2048, SIGN_VERIFY) that signs reports and agency certificates',
  TTE_SECRETS:
    'JSON map of agency id to the Secrets Manager secret (ARN) holding its PSrE client credentials',
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
  // The system's part of each step that renders nothing: records, notices, the close and the failure path.
  step: { required: ['TABLE_NAME', 'WORK_BUCKET', 'MAIL_FROM', 'PUBLIC_URL'] },
  // Steps that render documents (`dokumen`), and the archiving step (`arsip`, with the archive bucket).
  document: {
    required: ['TABLE_NAME', 'WORK_BUCKET', 'MAIL_FROM', 'PUBLIC_URL'],
    // The signing step's closing part signs the report with the KMS key (lib/signing).
    optional: ['ARCHIVE_BUCKET', 'SIGNING_KEY'],
  },
  // Opens a person's task and mails the link; hands over an answer recorded before a resume.
  'human-task': { required: ['TABLE_NAME', 'STATE_MACHINES', 'MAIL_FROM', 'PUBLIC_URL'] },
  // Reads an uploaded workbook, completes the unit's task (SendTaskSuccess) or mails why not.
  'upload-received': {
    required: ['TABLE_NAME', 'WORK_BUCKET', 'STATE_MACHINES', 'MAIL_FROM', 'PUBLIC_URL'],
  },
  // The upload function's failure destination: marks an upload whose processing kept failing as `gagal`.
  'upload-failed': { required: ['TABLE_NAME'] },
  // Reminders and escalation with fresh links; re-delivers answers still recorded but not handed over.
  sweep: { required: ['TABLE_NAME', 'STATE_MACHINES', 'MAIL_FROM', 'PUBLIC_URL'] },
  // Public task-link routes: sign downloads and upload forms, record answers, re-send a fresh link to its
  // holder. No STATE_MACHINES on purpose: handing an answer to the workflow fails here by design and is
  // left to `deliver`.
  pages: { required: ['TABLE_NAME', 'WORK_BUCKET', 'ARCHIVE_BUCKET', 'MAIL_FROM', 'PUBLIC_URL'] },
  // The signer's "Tandatangani" from a task link: a PSrE signs here with the typed passphrase; the signed
  // PDF is stored under siklus/…/final/ and its verification record written (VER#).
  // The PSrE's client credentials come from one secret per agency that signs through it (TTE_SECRETS:
  // set when the catalogue has such an agency).
  sign: { required: ['TABLE_NAME', 'WORK_BUCKET', 'PUBLIC_URL'], optional: ['TTE_SECRETS'] },
  // Operator routes (IAM): start and resume cycles, list tasks, read timelines.
  operator: { required: ['TABLE_NAME', 'STATE_MACHINES'] },
  // Hands recorded answers to the workflow (table stream).
  deliver: { required: ['TABLE_NAME', 'STATE_MACHINES'] },
  // Both route tables in one function (functions/api): kept for callers of that module; not deployed.
  api: { required: ['TABLE_NAME', 'WORK_BUCKET', 'ARCHIVE_BUCKET', 'STATE_MACHINES'] },
};

/** Every variable a function running `handler` may carry. */
export function allowedVariables(handler: string): Set<string> {
  const e = HANDLER_ENV[handler];
  if (!e) throw new Error(`handler '${handler}' declares no environment in functions/commons/env.ts`);
  return new Set<string>([...e.required, ...(e.optional ?? []), ...FUNCTION_DEFAULTS]);
}
