import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_DEFAULTS, HANDLER_ENV } from '../../functions/commons/env.ts';
import { KEY_PREFIXES } from '../../lib/adapters/dynamodb-store.ts';
import {
  actionsOf,
  type CfnTemplate,
  functionsOf,
  refs,
  resourcesOf,
  type Statement,
  synth,
} from './synth.ts';

let template: CfnTemplate;
let fns: ReturnType<typeof functionsOf>;

beforeAll(() => {
  template = synth({ 'lakip:mailFrom': 'LAKIP <lakip@diskominfo.example.go.id>' }).template;
  fns = functionsOf(template);
});

/** Which variable a resource type is named by, and which IAM service grants reach it. */
const SERVICE_OF_VARIABLE: Record<string, string> = {
  TABLE_NAME: 'dynamodb',
  WORK_BUCKET: 's3',
  ARCHIVE_BUCKET: 's3',
  STATE_MACHINES: 'states',
  MAIL_FROM: 'ses',
  SIGNING_KEY: 'kms',
};
/** What every function may do whatever it is bound to: write its own logs, send traces. */
const ALWAYS = new Set(['logs', 'xray']);

const typeOf = (id: string) => template.Resources[id]?.Type;
const mentions = (s: Statement, id: string) => refs(s.Resource).has(id);

describe('each function carries exactly the environment its handler declares', () => {
  it('covers every application function, and each runs a handler that declares its environment', () => {
    expect(fns.map((f) => f.id).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Halaman/), expect.stringMatching(/^Langkah/)]),
    );
    for (const f of fns) expect(HANDLER_ENV[f.handler], f.id).toBeDefined();
  });

  it('sets every required variable, and no variable the handler does not declare', () => {
    for (const f of fns) {
      const declared = HANDLER_ENV[f.handler]!;
      const keys = Object.keys(f.env);
      for (const v of declared.required) expect(keys, `${f.id} lacks ${v}`).toContain(v);
      const allowed = new Set<string>([
        ...declared.required,
        ...(declared.optional ?? []),
        ...FUNCTION_DEFAULTS,
      ]);
      expect(
        keys.filter((k) => !allowed.has(k)),
        `${f.id} has undeclared variables`,
      ).toEqual([]);
    }
  });

  it('gives every function that mails people the public URL its links start with', () => {
    for (const f of fns.filter((x) => 'MAIL_FROM' in x.env))
      expect(Object.keys(f.env)).toContain('PUBLIC_URL');
  });
});

describe('each function is granted the resources its variables name, and nothing else', () => {
  it('grants every named resource', () => {
    for (const f of fns) {
      for (const [variable, value] of Object.entries(f.env)) {
        const service = SERVICE_OF_VARIABLE[variable];
        if (!service) continue;
        const grants = f.statements.filter((s) => actionsOf(s).some((a) => a.startsWith(`${service}:`)));
        if (variable === 'MAIL_FROM') {
          expect(grants, `${f.id} may not send mail`).not.toEqual([]);
          continue;
        }
        for (const id of refs(value))
          expect(
            grants.some((s) => mentions(s, id)),
            `${f.id}: ${variable} names ${id}, which it is not granted`,
          ).toBe(true);
      }
    }
  });

  it('grants nothing that no variable names (besides its own logs, traces and failure destination)', () => {
    for (const f of fns) {
      const fn = template.Resources[f.id]!.Properties;
      const own = new Set([
        ...refs((fn.LoggingConfig as object) ?? {}),
        // Failure destinations of its asynchronous invocations and of its event source (the stream), and
        // the queue it consumes (the upload failures).
        ...Object.values(template.Resources)
          .filter(
            (r) =>
              ['AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::EventSourceMapping'].includes(r.Type) &&
              refs(r.Properties.FunctionName).has(f.id),
          )
          .flatMap((r) => [
            ...refs(r.Properties.DestinationConfig),
            ...(r.Type === 'AWS::Lambda::EventSourceMapping' ? refs(r.Properties.EventSourceArn) : []),
          ]),
      ]);
      const named = new Set(
        Object.entries(f.env)
          .filter(([k]) => SERVICE_OF_VARIABLE[k])
          .flatMap(([, v]) => [...refs(v)]),
      );
      const services = new Set(
        Object.keys(f.env)
          .map((k) => SERVICE_OF_VARIABLE[k])
          .filter(Boolean),
      );
      for (const s of f.statements) {
        for (const id of refs(s.Resource))
          expect(named.has(id) || own.has(id), `${f.id} is granted ${id} (${typeOf(id)})`).toBe(true);
        for (const a of actionsOf(s)) {
          const service = a.split(':')[0]!;
          const fromDestination = service === 'sqs' && [...refs(s.Resource)].every((id) => own.has(id));
          expect(
            services.has(service) || ALWAYS.has(service) || fromDestination,
            `${f.id} may call ${a}`,
          ).toBe(true);
        }
      }
      expect(f.managed, `${f.id} has managed policies`).toEqual([]);
    }
  });
});

describe('least privilege within a resource', () => {
  it('reaches table items only by partition-key prefix, indexes only by name, the stream only to consume it', () => {
    const known = KEY_PREFIXES.map((p) => `${p}*`);
    const item = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
    const stream = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
    for (const f of fns) {
      const consumer = Object.values(template.Resources).some(
        (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && refs(r.Properties.FunctionName).has(f.id),
      );
      for (const s of f.statements.filter((x) => actionsOf(x).some((a) => a.startsWith('dynamodb:')))) {
        const where = JSON.stringify(s.Resource);
        if (s.Resource === '*') {
          // Actions without resource-level permissions, merged by the minimizePolicies flag.
          const ddb = actionsOf(s).filter((a) => a.startsWith('dynamodb:'));
          expect(ddb, f.id).toEqual(consumer ? ['dynamodb:ListStreams'] : []);
        } else if (where.includes('StreamArn')) {
          expect(consumer, `${f.id} reads the stream`).toBe(true);
          expect(actionsOf(s).every((a) => stream.includes(a))).toBe(true);
        } else if (where.includes('/index/')) {
          expect(actionsOf(s)).toEqual(['dynamodb:Query']);
          expect(where).toMatch(/\/index\/gsi\d"/);
        } else {
          expect(
            actionsOf(s).every((a) => item.includes(a)),
            `${f.id}: ${actionsOf(s)}`,
          ).toBe(true);
          const leading = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];
          expect(leading, `${f.id} reads or writes the whole table`).toBeDefined();
          for (const p of leading) expect(known).toContain(p);
        }
      }
    }
  });

  it('keeps the link records (hashes of mailed secrets) to the functions that issue or resolve links', () => {
    const touching = fns
      .filter((f) => f.statements.some((s) => JSON.stringify(s.Condition ?? {}).includes('LINK#')))
      .map((f) => f.id.replace(/[A-F0-9]{8}$/, ''))
      .sort();
    // Not the operators, not the deliverer, not the archiving step.
    // The signing function resolves the signer's link (read only).
    expect(touching).toEqual([
      'Dokumen',
      'Halaman',
      'Langkah',
      'Pengingat',
      'TandaTangan',
      'Tugas',
      'Unggahan',
    ]);
  });

  it('keeps task tokens to the function that opens tasks and those that resume executions', () => {
    const byAccess = (action: string) =>
      fns
        .filter((f) =>
          f.statements.some(
            (s) => actionsOf(s).includes(action) && JSON.stringify(s.Condition ?? {}).includes('TOKEN#'),
          ),
        )
        .map((f) => f.id.replace(/[A-F0-9]{8}$/, ''))
        .sort();
    // Not the public pages (they read tasks), not the operators, not the steps.
    expect(byAccess('dynamodb:GetItem')).toEqual(['Penerus', 'Pengingat', 'Tugas', 'Unggahan']);
    expect(byAccess('dynamodb:PutItem')).toEqual(['Tugas']);
    // And every function that may read a token may also resume an execution with it, and only those.
    const responders = fns
      .filter((f) => f.statements.some((s) => actionsOf(s).includes('states:SendTaskSuccess')))
      .map((f) => f.id.replace(/[A-F0-9]{8}$/, ''))
      .sort();
    expect(responders).toEqual(byAccess('dynamodb:GetItem'));
  });

  it('never deletes objects, and reaches objects only under a key prefix', () => {
    for (const f of fns) {
      for (const s of f.statements.filter((x) => actionsOf(x).some((a) => a.startsWith('s3:')))) {
        expect(actionsOf(s).every((a) => ['s3:GetObject', 's3:PutObject', 's3:ListBucket'].includes(a))).toBe(
          true,
        );
        if (actionsOf(s).includes('s3:ListBucket')) continue;
        for (const r of resourcesOf(s))
          expect(JSON.stringify(r), f.id).toMatch(/"\/(siklus|unggahan|arsip)\//);
      }
    }
  });

  it('lets only the archiving function write to the archive bucket', () => {
    const archive = Object.entries(template.Resources).find(
      ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Metadata?.['lakip:local-name'] === 'lakip-arsip',
    )![0];
    const writers = fns.filter((f) =>
      f.statements.some((s) => actionsOf(s).includes('s3:PutObject') && mentions(s, archive)),
    );
    expect(writers.map((f) => f.id)).toEqual([expect.stringMatching(/^FungsiArsip/)]);
  });

  it('sends mail through the sender verified as a domain or as an address (README)', () => {
    for (const f of fns.filter((x) => 'MAIL_FROM' in x.env)) {
      const ses = f.statements.find((s) => actionsOf(s).includes('ses:SendEmail'))!;
      const identities = JSON.stringify(ses.Resource);
      expect(identities).toContain(':identity/diskominfo.example.go.id"');
      expect(identities).toContain(':identity/lakip@diskominfo.example.go.id"');
    }
  });

  it('lets only operators start cycles; the public pages neither start nor resume an execution', () => {
    const holders = (action: string) =>
      fns
        .filter((f) => f.statements.some((s) => actionsOf(s).includes(action)))
        .map((f) => f.handler)
        .sort();
    expect(holders('states:StartExecution')).toEqual(['operator']);
    expect(holders('states:SendTaskSuccess')).toEqual(['deliver', 'human-task', 'sweep', 'upload-received']);
    // Stopping an execution: only an operator moving a running cycle to another SOP version.
    expect(holders('states:StopExecution')).toEqual(['operator']);
    for (const f of fns)
      for (const s of f.statements)
        expect(actionsOf(s).filter((a) => /^states:(SendTaskFailure|SendTaskHeartbeat)$/.test(a))).toEqual(
          [],
        );
    const pages = fns.find((f) => f.handler === 'pages')!;
    expect(pages.statements.flatMap(actionsOf).filter((a) => a.startsWith('states:'))).toEqual([]);
    expect(pages.env.STATE_MACHINES).toBeUndefined();
  });

  it('hands recorded answers over from the stream, only those just recorded', () => {
    const deliver = fns.find((f) => f.handler === 'deliver')!;
    const [mapping] = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && refs(r.Properties.FunctionName).has(deliver.id),
    );
    const filters = (mapping!.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((x) => JSON.parse(x.Pattern))).toEqual([
      { dynamodb: { NewImage: { status: { S: ['diputuskan'] } } } },
    ]);
  });
});
