import type { Catalogue } from '../../lib/catalogue.ts';
import { buildApp, STACK_NAME } from '../app-builder.ts';

/** One state machine as the cloud would run it: the synthesized ASL, with function ARNs resolved. */
export interface LocalMachine {
  sopId: string;
  logicalId: string;
  arn: string;
  definition: AslDefinition;
  /** Function ARN in the definition → handler folder under functions/. */
  handlers: Record<string, string>;
}

export interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: unknown };
  ItemProcessor?: AslDefinition;
  Iterator?: AslDefinition;
  [k: string]: unknown;
}

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
}

export const LOCAL_REGION = 'ap-southeast-3';
export const LOCAL_ACCOUNT = '000000000000';

type Cfn = string | { 'Fn::Join'?: [string, Cfn[]]; Ref?: string; 'Fn::GetAtt'?: [string, string] } | Cfn[];

/** Resolves the few intrinsic functions CDK puts in a DefinitionString. */
function resolve(v: Cfn): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(resolve).join('');
  if (v['Fn::Join']) return v['Fn::Join'][1].map(resolve).join(v['Fn::Join'][0]);
  if (v.Ref) {
    if (v.Ref === 'AWS::Partition') return 'aws';
    if (v.Ref === 'AWS::Region') return LOCAL_REGION;
    if (v.Ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
    return v.Ref;
  }
  if (v['Fn::GetAtt']) {
    const [id, attr] = v['Fn::GetAtt'];
    if (attr === 'Arn') return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;
    return `${id}.${attr}`;
  }
  throw new Error(`unsupported intrinsic in definition: ${JSON.stringify(v).slice(0, 80)}`);
}

/**
 * Synthesizes the same CDK app `cdk deploy` uses (bundling skipped: only the definitions matter here)
 * and returns every state machine's definition, ready for aws-local-stepfunctions.
 */
export function synthesizeMachines(catalogue: Catalogue, outdir: string): LocalMachine[] {
  process.env.CDK_VALIDATION = 'false';
  const { app, stack } = buildApp({ catalogue, skipBundling: true, outdir });
  const template = app.synth().getStackByName(STACK_NAME).template as {
    Resources: Record<
      string,
      { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }
    >;
  };
  const handlerOf: Record<string, string> = {};
  for (const [id, r] of Object.entries(template.Resources)) {
    const h = r.Metadata?.['lakip:handler'];
    if (r.Type === 'AWS::Lambda::Function' && typeof h === 'string')
      handlerOf[`arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`] = h;
  }
  return Object.entries(stack.machines).map(([sopId, m]) => {
    const logicalId = stack.getLogicalId(m.stateMachine.node.defaultChild as never);
    const resource = template.Resources[logicalId]!;
    const definition = JSON.parse(resolve(resource.Properties.DefinitionString as Cfn)) as AslDefinition;
    return {
      sopId,
      logicalId,
      arn: `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${sopId}`,
      definition,
      handlers: handlerOf,
    };
  });
}

/** Every Task state, including those inside Map states, with its name. */
export function taskStates(def: AslDefinition): [string, AslState][] {
  return Object.entries(def.States).flatMap(([name, s]) => {
    const inner = s.ItemProcessor ?? s.Iterator;
    return s.Type === 'Task' ? [[name, s] as [string, AslState]] : inner ? taskStates(inner) : [];
  });
}
