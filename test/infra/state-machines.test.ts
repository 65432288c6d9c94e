import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app-builder.ts';
import type { LakipStack } from '../../infra/lakip-stack.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { FASE, PATH } from '../../lib/cycle/payload.ts';
import { planSop, STATE_NAME_MAX } from '../../lib/cycle/plan.ts';
import { STEP_KINDS } from '../../lib/cycle/steps/index.ts';
import { versionKey } from '../../lib/sop/version-key.ts';
import { SEED_SOPS } from '../helpers/files.ts';

type State = {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: unknown;
  TimeoutSeconds?: number;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Choices?: { Next: string; StringEquals?: string; Variable?: string }[];
  Default?: string;
  IsPresent?: boolean;
  ItemProcessor?: Definition;
  ItemsPath?: string;
  Parameters?: { Payload?: Record<string, unknown> };
};
type Definition = { StartAt: string; States: Record<string, State> };

const catalogue = loadCatalogue('config');
let stack: LakipStack;
let template: Template;
const definitions = new Map<string, Definition>();

/** The definition as JSON, with CloudFormation tokens replaced by their logical ids. */
function definitionOf(sopId: string): Definition {
  const logicalId = stack.getLogicalId(
    stack.machines[versionKey(sopId, catalogue.sops.get(sopId)!.versi)]!.stateMachine.node
      .defaultChild as never,
  );
  const res = template.toJSON().Resources[logicalId];
  const parts = res.Properties.DefinitionString['Fn::Join'][1] as unknown[];
  return JSON.parse(
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p).replace(/"/g, "'"))).join(''),
  );
}

function allStates(def: Definition): [string, State][] {
  return Object.entries(def.States).flatMap(([n, s]) => [
    [n, s] as [string, State],
    ...(s.ItemProcessor ? allStates(s.ItemProcessor) : []),
  ]);
}

beforeAll(() => {
  const built = buildApp({ catalogue, skipBundling: true, outdir: 'cdk.out.test' });
  stack = built.stack;
  template = Template.fromStack(stack);
  for (const id of SEED_SOPS) definitions.set(id, definitionOf(id));
});

describe('one state machine per SOP', () => {
  it('synthesizes one standard state machine per SOP, with tracing and no execution data in logs', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', catalogue.sopVersions.size);
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ IncludeExecutionData: false, Level: 'ERROR' }),
    });
  });

  it.each(SEED_SOPS)('%s: every SOP step is present, in order, with a readable name', (id) => {
    const sop = catalogue.sops.get(id)!;
    const names = allStates(definitions.get(id)!).map(([n]) => n);
    for (const l of sop.langkah) {
      const prefix = `${String(l.no).padStart(2, '0')} `;
      expect(
        names.some((n) => n.startsWith(prefix)),
        `step ${l.no}`,
      ).toBe(true);
    }
    for (const n of names) expect(n.length).toBeLessThanOrEqual(STATE_NAME_MAX);
    expect(definitions.get(id)!.StartAt).toBe('Mulai atau lanjutkan');
    expect(names).toContain('SELESAI');
  });

  it('names states the way the SOP sheet reads', () => {
    const names = allStates(definitions.get('dkukmtk-balangan-lakip')!).map(([n]) => n);
    expect(names).toContain('07 Mengoreksi Dokumen LAKIP - menunggu Sekretaris');
    expect(names).toContain('04 Menghimpun data kinerja bidang dan sekretariat - menunggu Kabid');
    expect(names).toContain('03 Menyampaikan format kepada bidang dan sekretariat');
  });
});

describe('human steps and lateness', () => {
  it('waits for people with .waitForTaskToken, and a late step never fails the cycle', () => {
    for (const [id, def] of definitions) {
      const waits = allStates(def).filter(([, s]) =>
        JSON.stringify(s.Resource ?? '').includes('waitForTaskToken'),
      );
      const human = catalogue.sops.get(id)!.langkah.filter((l) => l.tugas !== 'otomatis');
      expect(waits).toHaveLength(human.length);
      for (const [name, s] of waits) {
        expect(s.Parameters?.Payload?.['taskToken.$']).toBe('$$.Task.Token');
        // The wait has a ceiling (the local interpreter needs one) and running past it re-issues the
        // same task instead of failing: the catch loops back to the waiting state itself.
        expect(s.TimeoutSeconds).toBe(20 * 86400);
        expect(s.Catch?.[0]).toEqual(
          expect.objectContaining({ ErrorEquals: ['States.Timeout'], Next: name }),
        );
      }
    }
  });

  it('fails only through the failure path, with no timeout on the whole execution', () => {
    for (const def of definitions.values()) {
      expect(
        allStates(def)
          .filter(([, s]) => s.Type === 'Fail')
          .map(([n]) => n),
      ).toEqual(['TERHENTI']);
      expect(def.States['Siklus terhenti']!.Next).toBe('TERHENTI');
      expect((def as { TimeoutSeconds?: number }).TimeoutSeconds).toBeUndefined();
    }
  });
});

describe('failures are retried, then caught into the failure path', () => {
  it.each(SEED_SOPS)('%s: every step Lambda retries with backoff; every top-level state catches', (id) => {
    const def = definitions.get(id)!;
    for (const [name, s] of allStates(def).filter(([, x]) => x.Type === 'Task')) {
      const retry = (s as { Retry?: { ErrorEquals: string[]; BackoffRate?: number; MaxAttempts?: number }[] })
        .Retry;
      expect(retry, name).toContainEqual(
        expect.objectContaining({ ErrorEquals: ['States.TaskFailed'], BackoffRate: 2, MaxAttempts: 3 }),
      );
    }
    for (const [name, s] of Object.entries(def.States)) {
      if (s.Type !== 'Task' && s.Type !== 'Map') continue;
      if (name === 'Siklus terhenti') continue;
      expect(s.Catch, name).toContainEqual(
        expect.objectContaining({
          ErrorEquals: ['States.ALL'],
          Next: 'Siklus terhenti',
          ResultPath: '$.galat',
        }),
      );
    }
    expect(def.States['Siklus terhenti']!.Parameters?.Payload).toMatchObject({
      fase: 'gagal',
      'galat.$': '$.galat',
    });
  });
});

describe('one definition that can start at any step', () => {
  it.each([...catalogue.sops.keys()])(
    '%s: the resume entry reaches every step and the closing record',
    (id) => {
      const def = definitionOf(id);
      const sop = catalogue.sops.get(id)!;
      const start = def.States['Mulai atau lanjutkan']!;
      expect(start.Choices).toEqual([expect.objectContaining({ Variable: '$.lanjut', IsPresent: true })]);
      const lanjut = def.States[start.Choices![0]!.Next]!;
      const targets = new Map(
        lanjut.Choices!.map((c) => [(c as { NumericEquals?: number }).NumericEquals, c.Next] as const),
      );
      const plan = planSop(sop);
      for (const l of sop.langkah) {
        const node = plan.nodes.find((n) =>
          n.type === 'step' ? n.step.no === l.no : n.steps.some((x) => x.no === l.no),
        )!;
        const entry = node.type === 'step' ? node.step.names.mulai : node.name;
        expect(targets.get(l.no), `langkah ${l.no}`).toBe(entry);
      }
      expect(targets.get(0)).toBe('Siklus selesai');
      // Inside each per-unit group, a unit resumes at its own step, or skips a group it already finished.
      for (const n of plan.nodes.filter((x) => x.type === 'map')) {
        const inner = def.States[n.name]!.ItemProcessor!;
        const first = inner.States[inner.StartAt]!;
        expect(first.Choices).toEqual([
          expect.objectContaining({ Variable: '$.unit.lanjut', IsPresent: true }),
        ]);
        const unitTargets = inner.States[first.Choices![0]!.Next]!.Choices!.map(
          (c) => [(c as { NumericEquals?: number }).NumericEquals, c.Next] as const,
        );
        for (const ps of n.steps) expect(unitTargets).toContainEqual([ps.no, ps.names.mulai]);
        expect(inner.States[unitTargets.find(([k]) => k === 0)![1]]!.Type).toBe('Succeed');
      }
    },
  );
});

describe('return loops', () => {
  const choiceOf = (def: Definition, prefix: string) =>
    allStates(def).find(([n, s]) => s.Type === 'Choice' && n.startsWith(prefix))!;

  it('returns the draft from the Sekretaris to step 6 (001) and from the Kepala Dinas to step 6 (004)', () => {
    const [, c7] = choiceOf(definitions.get('dkukmtk-balangan-lakip')!, '07 ');
    expect(c7.Choices).toEqual([
      expect.objectContaining({
        Variable: '$.keputusan.hasil',
        StringEquals: 'kembali',
        Next: '06 Membuat Dokumen LAKIP',
      }),
    ]);
    expect(c7.Default).toBe('08 Menyampaikan Dokumen LAKIP kepada Kepala Dinas');
    const [, c9] = choiceOf(definitions.get('diskominfotik-gorontalo-lkip')!, '09 ');
    expect(c9.Choices![0]!.Next).toBe('06 Membuat Dokumen LKIP');
    expect(c9.Default).toBe('10 Membuat surat pengantar dan penomoran surat');
  });

  it('keeps the quarterly chain per unit: a Map over units, each level returning to the level below', () => {
    const def = definitions.get('kominfo-lumajang-data-kinerja')!;
    const [mapName, map] = Object.entries(def.States).find(([, s]) => s.Type === 'Map')!;
    expect(mapName).toBe('02-07 Mengarahkan staf untuk mengumpulkan bahan laporan kinerja - per unit');
    expect(map.ItemsPath).toBe('$.units');
    const inner = map.ItemProcessor!;
    expect(inner.States[inner.StartAt]!.Default).toBe(
      '02 Mengarahkan staf untuk mengumpulkan bahan laporan kinerja',
    );
    expect(choiceOf(inner, '04 ')[1].Choices![0]!.Next).toBe('03 Menyerahkan bahan laporan kinerja');
    expect(choiceOf(inner, '06 ')[1].Choices![0]!.Next).toBe('05 Menyusun laporan data kinerja');
    expect(map.Next).toBe('08 Memeriksa laporan kinerja');
  });

  it('plans returns to the start of a step, never into the middle of it', () => {
    for (const id of SEED_SOPS) {
      const plan = planSop(catalogue.sops.get(id)!);
      for (const n of plan.nodes) {
        const steps = n.type === 'step' ? [n.step] : n.steps;
        for (const s of steps) if (s.kembaliKe !== undefined) expect(s.kembaliKe).toBeLessThan(s.no);
      }
    }
  });
});

describe('the rest of the stack', () => {
  it('stores state in one on-demand table with point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('keeps buckets private and encrypted, and the archive under Object Lock', () => {
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: Match.objectLike({ ObjectLockEnabled: 'Enabled' }),
    });
  });

  it('runs every function on the latest Node.js, arm64', () => {
    const fns = template.findResources('AWS::Lambda::Function', {
      Metadata: { 'lakip:handler': Match.anyValue() },
    });
    expect(Object.keys(fns).length).toBeGreaterThanOrEqual(6);
    for (const f of Object.values(fns))
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('runs the reminder sweep on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
    });
  });
});

describe('the payload contract (lib/cycle/payload.ts)', () => {
  /** Every JSONPath a definition reads or writes, and every fase value it sends. */
  function usedPaths(v: unknown, out: { paths: Set<string>; fases: Set<string> }) {
    if (typeof v === 'string') {
      if (v.startsWith('$')) out.paths.add(v);
      return out;
    }
    if (Array.isArray(v)) for (const x of v) usedPaths(x, out);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'fase' && typeof x === 'string') out.fases.add(x);
        usedPaths(x, out);
      }
    return out;
  }

  it('compiles definitions that use only the declared paths and phases', () => {
    const declared = new Set<string>([...Object.values(PATH), '$']);
    const phases = new Set<string>(Object.values(FASE));
    for (const id of SEED_SOPS) {
      const { paths, fases } = usedPaths(definitionOf(id), { paths: new Set(), fases: new Set() });
      expect(
        [...paths].filter((p) => !declared.has(p)),
        id,
      ).toEqual([]);
      expect(
        [...fases].filter((f) => !phases.has(f)),
        id,
      ).toEqual([]);
      expect(paths.has(PATH.siklus)).toBe(true);
    }
  });

  it("binds each step's states to the function its step kind names", () => {
    const fnOf = (res: unknown) => JSON.stringify(res);
    for (const id of SEED_SOPS) {
      const plan = planSop(catalogue.sops.get(id)!);
      const def = definitionOf(id);
      const states = new Map(allStates(def));
      for (const node of plan.nodes) {
        for (const ps of node.type === 'step' ? [node.step] : node.steps) {
          const fn = fnOf(states.get(ps.names.mulai)?.Parameters);
          const wanted = { langkah: 'Langkah', dokumen: 'Dokumen', arsip: 'FungsiArsip' }[
            STEP_KINDS[ps.step.jenis].fungsi
          ];
          expect(fn, `${id} langkah ${ps.no}`).toContain(wanted);
        }
      }
    }
  });
});
