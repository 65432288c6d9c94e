import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
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
import { FASE, HASIL_KEMBALI, PATH } from '../../lib/cycle/payload.ts';
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
    const entries = new Map<PlannedNode, State>();
    const built = this.plan.nodes.map((node) => {
      const b =
        node.type === 'step' ? this.buildStep(this, node.step, props, 'siklus') : this.buildMap(node, props);
      entries.set(node, b.entry);
      return { node, b };
    });
    const end = new LambdaInvoke(this, 'Akhir', {
      stateName: this.plan.endName,
      lambdaFunction: props.functions.langkah,
      payload: TaskInput.fromObject({ fase: FASE.akhir, siklus: JsonPath.objectAt(PATH.siklus) }),
      resultPath: JsonPath.DISCARD,
    }).next(new Succeed(this, 'Selesai', { stateName: 'SELESAI' }));
    const entryOf = (no: number | undefined): IChainable => {
      if (no === undefined) return end;
      const node = this.plan.nodes.find((n) =>
        n.type === 'step' ? n.step.no === no : n.steps.some((s) => s.no === no),
      )!;
      return entries.get(node)!;
    };
    for (const { node, b } of built) {
      b.connect(entryOf(node.type === 'step' ? node.step.next : node.next));
      if (node.type === 'step' && node.step.kembaliKe !== undefined)
        this.wireReturn(node.step, entryOf(node.step.kembaliKe));
    }
    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'Machine', {
      stateMachineName: undefined,
      comment: this.plan.comment,
      definitionBody: DefinitionBody.fromChainable(built[0]!.b.entry),
      stateMachineType: StateMachineType.STANDARD,
      tracingEnabled: true,
      // Execution data carries task tokens: never log it.
      logs: { destination: logs, level: LogLevel.ERROR, includeExecutionData: false },
    });
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
    _where: string,
    unitScoped = false,
  ): Built {
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
    const built = node.steps.map((s) => ({ s, b: this.buildStep(inner, s, props, 'unit', true) }));
    for (const { s, b } of built) {
      const next = built.find((x) => x.s.no === s.next)?.b.entry;
      b.connect(next);
      if (s.kembaliKe !== undefined) this.wireReturn(s, built.find((x) => x.s.no === s.kembaliKe)!.b.entry);
    }
    map.itemProcessor(built[0]!.b.entry);
    return { entry: map, connect: (next) => next && (map as INextable).next(next) };
  }
}
