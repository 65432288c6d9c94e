import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  type IChainable,
  type INextable,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  Map as MapState,
  type State,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { FASE, HASIL_KEMBALI, LANJUT_AKHIR, PATH, UNIT_SELESAI } from '../../lib/cycle/payload.ts';
import { type Plan, type PlannedNode, type PlannedStep, planSop } from '../../lib/cycle/plan.ts';
import type { Fungsi } from '../../lib/cycle/steps/index.ts';
import type { Sop } from '../../lib/sop/schema.ts';

export interface SopStateMachineProps {
  sop: Sop;
  /** The Lambda of each step kind's `fungsi` (lib/cycle/steps), and the one that opens a person's task. */
  functions: Record<Fungsi, IFunction> & { tugas: IFunction };
  /**
   * How long one wait for a person lasts before the task is re-issued (same task, same link, new token).
   * Lateness against the mutu baku never fails a cycle: it is measured, reminded and escalated elsewhere.
   * Kept under 24 days because the local interpreter waits with setTimeout (max 2^31 ms).
   */
  humanWait: Duration;
  /** First wait before a failed step Lambda is retried (then doubled, three retries in all). */
  retryInterval?: Duration;
}

interface Built {
  entry: State;
  /** Connects this step's last state to what follows (or ends the branch when undefined). */
  connect(next: IChainable | undefined): void;
}

/** Compiles one SOP file into a Step Functions state machine, following lib/cycle/plan.ts. */
export class SopStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly plan: Plan;

  constructor(scope: Construct, id: string, props: SopStateMachineProps) {
    super(scope, id);
    this.plan = planSop(props.sop);
    this.retryInterval = props.retryInterval ?? Duration.seconds(2);
    // The failure path: after a step's retries, the cycle stops (terhenti) and people are told.
    this.gagal = new LambdaInvoke(this, 'Gagal', {
      stateName: 'Siklus terhenti',
      lambdaFunction: props.functions.langkah,
      payload: TaskInput.fromObject({
        fase: FASE.gagal,
        siklus: JsonPath.objectAt(PATH.siklus),
        galat: JsonPath.objectAt(PATH.galat),
      }),
      resultPath: JsonPath.DISCARD,
    });
    this.retry(this.gagal);
    this.gagal.next(new Fail(this, 'Terhenti', { stateName: 'TERHENTI', error: 'SiklusTerhenti' }));
    const entries = new Map<PlannedNode, State>();
    const built = this.plan.nodes.map((node) => {
      const b = node.type === 'step' ? this.buildStep(this, node.step, props) : this.buildMap(node, props);
      entries.set(node, b.entry);
      return { node, b };
    });
    const akhir = new LambdaInvoke(this, 'Akhir', {
      stateName: this.plan.endName,
      lambdaFunction: props.functions.langkah,
      payload: TaskInput.fromObject({ fase: FASE.akhir, siklus: JsonPath.objectAt(PATH.siklus) }),
      resultPath: JsonPath.DISCARD,
    });
    this.guard(akhir);
    const end = akhir.next(new Succeed(this, 'Selesai', { stateName: 'SELESAI' }));
    const entryOf = (no: number | undefined): State => {
      if (no === undefined) return akhir;
      const node = this.plan.nodes.find((n) =>
        n.type === 'step' ? n.step.no === no : n.steps.some((s) => s.no === no),
      )!;
      return entries.get(node)!;
    };
    for (const { node, b } of built) {
      b.connect(entryOf(node.type === 'step' ? node.step.next : node.next) ?? end);
      if (node.type === 'step' && node.step.kembaliKe !== undefined)
        this.wireReturn(node.step, entryOf(node.step.kembaliKe));
    }
    // One definition that can start anywhere: a resumed execution names the step the cycle is at.
    const lanjutKe = new Choice(this, 'LanjutKe', { stateName: 'Lanjutkan dari langkah' });
    for (const l of props.sop.langkah)
      lanjutKe.when(Condition.numberEquals(PATH.lanjutNo, l.no), entryOf(l.no));
    lanjutKe.when(Condition.numberEquals(PATH.lanjutNo, LANJUT_AKHIR), akhir);
    lanjutKe.otherwise(built[0]!.b.entry);
    const mulai = new Choice(this, 'Mulai', { stateName: 'Mulai atau lanjutkan' })
      .when(Condition.isPresent(PATH.lanjut), lanjutKe)
      .otherwise(built[0]!.b.entry);
    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'Machine', {
      stateMachineName: undefined,
      comment: this.plan.comment,
      definitionBody: DefinitionBody.fromChainable(mulai),
      stateMachineType: StateMachineType.STANDARD,
      tracingEnabled: true,
      // Execution data carries task tokens: never log it.
      logs: { destination: logs, level: LogLevel.ERROR, includeExecutionData: false },
    });
  }

  private readonly gagal: LambdaInvoke;
  private readonly retryInterval: Duration;

  /** A step Lambda that throws is retried with backoff (transient faults: throttling, a network blip). */
  private retry(task: LambdaInvoke) {
    task.addRetry({
      errors: ['States.TaskFailed'],
      interval: this.retryInterval,
      maxAttempts: 3,
      backoffRate: 2,
    });
  }

  /** Retries, then the failure path (top-level states only: a Map's inner failure fails the Map). */
  private guard(state: LambdaInvoke | MapState) {
    if (state instanceof LambdaInvoke) this.retry(state);
    state.addCatch(this.gagal, { errors: ['States.ALL'], resultPath: PATH.galat });
  }

  private choices = new Map<number, Choice>();

  private wireReturn(step: PlannedStep, target: IChainable) {
    const choice = this.choices.get(step.no)!;
    choice.when(Condition.stringEquals(PATH.hasilKeputusan, HASIL_KEMBALI), target as State);
  }

  private buildStep(
    scope: Construct,
    ps: PlannedStep,
    props: SopStateMachineProps,
    unitScoped = false,
  ): Built {
    const protect = (t: LambdaInvoke) => (unitScoped ? this.retry(t) : this.guard(t));
    const fn = props.functions[ps.fungsi];
    const base = {
      siklus: JsonPath.objectAt(PATH.siklus),
      no: ps.no,
      ...(unitScoped ? { unit: JsonPath.objectAt(PATH.unit) } : {}),
    };
    const id = `L${ps.no}`;
    const mulai = new LambdaInvoke(scope, `${id}Mulai`, {
      stateName: ps.names.mulai,
      lambdaFunction: fn,
      payload: TaskInput.fromObject({ ...base, fase: ps.human ? FASE.mulai : FASE.otomatis }),
      resultSelector: { 'putaran.$': PATH.putaran },
      resultPath: PATH.langkah,
    });
    protect(mulai);
    if (!ps.human) return { entry: mulai, connect: (next) => next && mulai.next(next) };

    const tunggu = new LambdaInvoke(scope, `${id}Tunggu`, {
      stateName: ps.names.tunggu!,
      lambdaFunction: props.functions.tugas,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({ ...base, taskToken: JsonPath.taskToken }),
      resultPath: PATH.keputusan,
      taskTimeout: Timeout.duration(props.humanWait),
    });
    // A wait that runs out re-issues the same task (new token); the cycle itself never fails on lateness.
    tunggu.addCatch(tunggu, { errors: ['States.Timeout'], resultPath: JsonPath.DISCARD });
    protect(tunggu);
    const selesai = new LambdaInvoke(scope, `${id}Selesai`, {
      stateName: ps.names.selesai!,
      lambdaFunction: fn,
      payload: TaskInput.fromObject({
        ...base,
        fase: FASE.selesai,
        keputusan: JsonPath.objectAt(PATH.keputusan),
      }),
      resultSelector: { 'putaran.$': PATH.putaran },
      resultPath: PATH.langkah,
    });
    protect(selesai);
    mulai.next(tunggu).next(selesai);
    if (!ps.names.keputusan) return { entry: mulai, connect: (next) => next && selesai.next(next) };
    const choice = new Choice(scope, `${id}Keputusan`, { stateName: ps.names.keputusan });
    this.choices.set(ps.no, choice);
    selesai.next(choice);
    return {
      entry: mulai,
      connect: (next) => {
        choice.otherwise(
          next ?? new Succeed(scope, `${id}Akhir`, { stateName: `${ps.names.mulai.slice(0, 60)} - akhir` }),
        );
      },
    };
  }

  private buildMap(node: Extract<PlannedNode, { type: 'map' }>, props: SopStateMachineProps): Built {
    const map = new MapState(this, `Per${node.steps[0]!.no}`, {
      stateName: node.name,
      itemsPath: PATH.units,
      itemSelector: { 'siklus.$': PATH.siklus, 'unit.$': PATH.mapItem },
      resultPath: JsonPath.DISCARD,
      maxConcurrency: 0,
    });
    const inner = new Construct(this, `Per${node.steps[0]!.no}Unit`);
    const built = node.steps.map((s) => ({ s, b: this.buildStep(inner, s, props, true) }));
    for (const { s, b } of built) {
      const next = built.find((x) => x.s.no === s.next)?.b.entry;
      b.connect(next);
      if (s.kembaliKe !== undefined) this.wireReturn(s, built.find((x) => x.s.no === s.kembaliKe)!.b.entry);
    }
    // A resumed execution carries each unit's step (or 'done') in its item.
    const first = node.steps[0]!.no;
    const lanjutKe = new Choice(inner, 'LanjutKe', { stateName: `${first} unit lanjut dari langkah` });
    for (const { s, b } of built) lanjutKe.when(Condition.numberEquals(PATH.unitLanjut, s.no), b.entry);
    lanjutKe.when(
      Condition.numberEquals(PATH.unitLanjut, UNIT_SELESAI),
      new Succeed(inner, 'SudahSelesai', { stateName: `${first} unit sudah selesai` }),
    );
    lanjutKe.otherwise(built[0]!.b.entry);
    map.itemProcessor(
      new Choice(inner, 'Mulai', { stateName: `${first} unit mulai atau lanjutkan` })
        .when(Condition.isPresent(PATH.unitLanjut), lanjutKe)
        .otherwise(built[0]!.b.entry),
    );
    this.guard(map);
    return { entry: map, connect: (next) => next && (map as INextable).next(next) };
  }
}
