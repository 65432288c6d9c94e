import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, STACK_NAME } from '../../infra/app-builder.ts';
import { OUTPUTS } from '../../infra/lakip-stack.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { BALANGAN } from '../helpers/cycle-run.ts';
import { addVersion, BALANGAN_V2, configCopy } from '../helpers/versions.ts';
import { actionsOf, type CfnTemplate, functionsOf, refs } from './synth.ts';

/** The stack with a second version of the Balangan SOP beside the first (a cycle may still run on v1). */
const ID = BALANGAN.sopId;
let template: CfnTemplate;
let machineKeys: string[];
let versions: number;

beforeAll(() => {
  const dir = configCopy();
  addVersion(dir, ID, BALANGAN_V2.edit);
  const catalogue = loadCatalogue(dir);
  versions = catalogue.sopVersions.size;
  const outdir = mkdtempSync(join(tmpdir(), 'lakip-cdk-versi-'));
  const { app, stack } = buildApp({ catalogue, skipBundling: true, outdir });
  template = app.synth().getStackByName(STACK_NAME).template;
  machineKeys = Object.keys(stack.machines);
}, 120_000);

const machines = () =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine');

describe('one state machine per SOP version', () => {
  it('deploys both versions, under names fixed per version', () => {
    expect(machines()).toHaveLength(versions);
    expect(machineKeys).toEqual(expect.arrayContaining([`${ID}@1`, `${ID}@2`]));
    const names = machines().map(([, r]) => r.Properties.StateMachineName);
    // v1 keeps the name it had before versions existed; v2 is added beside it.
    expect(names).toEqual(expect.arrayContaining([`LakipFlow-${ID}`, `LakipFlow-${ID}-v2`]));
    for (const [o, v] of [
      [OUTPUTS.stateMachine(ID), 1],
      [OUTPUTS.stateMachine(ID, 2), 2],
    ] as const) {
      const [logicalId] = refs(template.Outputs[o]!.Value);
      expect(template.Resources[logicalId!]!.Properties.StateMachineName).toBe(
        v === 1 ? `LakipFlow-${ID}` : `LakipFlow-${ID}-v2`,
      );
    }
  });

  it('compiles each version from its own steps', () => {
    const def = (name: string) =>
      JSON.stringify(machines().find(([, r]) => r.Properties.StateMachineName === name)![1].Properties);
    expect(def(`LakipFlow-${ID}-v2`)).not.toBe(def(`LakipFlow-${ID}`));
  });

  it('hands every function that starts or resumes machines both versions, and lets the operator stop them', () => {
    const fns = functionsOf(template).filter((f) => f.env.STATE_MACHINES !== undefined);
    expect(fns.length).toBeGreaterThan(0);
    for (const f of fns) {
      const text = JSON.stringify(f.env.STATE_MACHINES);
      expect(text, f.id).toContain(`${ID}@1`);
      expect(text, f.id).toContain(`${ID}@2`);
    }
    const operator = functionsOf(template).find((f) => f.handler === 'operator')!;
    const stop = operator.statements.find((s) => actionsOf(s).includes('states:StopExecution'))!;
    expect(JSON.stringify(stop.Resource)).toContain(`:execution:LakipFlow-${ID}-v2:*`);
  });
});
