import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app-builder.ts';
import { OUTPUTS } from '../../infra/lakip-stack.ts';
import { type CfnTemplate, catalogue, functionsOf, refs, synth } from './synth.ts';

/** Without an AWS account: what `npm run synth` checks and what README "Deploy to AWS" promises. */
let template: CfnTemplate;
let outdir: string;
const sopIds = [...new Set([...catalogue.agencies.values()].flatMap((a) => a.sop))];
const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

beforeAll(() => {
  ({ template, outdir } = synth());
});

describe('cdk-nag AwsSolutions', () => {
  it('passes with every finding fixed or acknowledged with a reason', () => {
    // synth() threw otherwise; the report lists no plugin with a violation left.
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('fails the synthesis on a finding nobody acknowledged', () => {
    const { app, stack } = buildApp({ catalogue, skipBundling: true, outdir: join(outdir, 'bad') });
    // A bucket without TLS enforcement or access logs: AwsSolutions-S1 and S10.
    new Bucket(Stack.of(stack), 'Unchecked');
    expect(() => app.synth()).toThrow(/LakipFlow\/Unchecked\/Resource[\s\S]*AwsSolutions-S10/);
  });
});

describe('the outputs README promises', () => {
  it('names the page URL, the table, both buckets, the alarm topic and one state machine per SOP', () => {
    const names = Object.keys(template.Outputs);
    for (const n of [
      OUTPUTS.pageUrl,
      OUTPUTS.table,
      OUTPUTS.workBucket,
      OUTPUTS.archiveBucket,
      OUTPUTS.alarmTopic,
    ])
      expect(names).toContain(n);
    const machines = names.filter((n) => n.startsWith('StateMachine'));
    expect(machines.sort()).toEqual(sopIds.map((s) => OUTPUTS.stateMachine(s)).sort());
    for (const sopId of sopIds) {
      const [id] = refs(template.Outputs[OUTPUTS.stateMachine(sopId)]!.Value);
      expect(template.Resources[id!]!.Type).toBe('AWS::StepFunctions::StateMachine');
    }
    expect(ofType('AWS::StepFunctions::StateMachine')).toHaveLength(sopIds.length);
  });

  it('points the table and bucket outputs at the table and buckets', () => {
    const typeOfOutput = (n: string) => template.Resources[[...refs(template.Outputs[n]!.Value)][0]!]!.Type;
    expect(typeOfOutput(OUTPUTS.table)).toBe('AWS::DynamoDB::Table');
    expect(typeOfOutput(OUTPUTS.workBucket)).toBe('AWS::S3::Bucket');
    expect(typeOfOutput(OUTPUTS.archiveBucket)).toBe('AWS::S3::Bucket');
    expect(typeOfOutput(OUTPUTS.pageUrl)).toBe('AWS::ApiGatewayV2::Api');
  });
});

describe('alarms reach the operator', () => {
  it('alarms on failed or timed-out executions of every state machine, and on every function', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    const topic = ofType('AWS::SNS::Topic')[0]![0];
    for (const a of alarms) expect(refs(a.AlarmActions).has(topic)).toBe(true);
    for (const [id] of ofType('AWS::StepFunctions::StateMachine')) {
      const mine = alarms.filter((a) => refs(a.Metrics).has(id));
      const metrics = JSON.stringify(mine.map((a) => a.Metrics));
      expect(metrics).toContain('ExecutionsFailed');
      expect(metrics).toContain('ExecutionsTimedOut');
    }
    for (const f of functionsOf(template))
      expect(
        alarms.some((a) => refs(a.Dimensions).has(f.id) && a.MetricName === 'Errors'),
        f.id,
      ).toBe(true);
    expect(alarms.some((a) => a.MetricName === '5xx')).toBe(true);
  });

  it('mails the alarm address given as context, and has no subscriber without one', () => {
    expect(ofType('AWS::SNS::Subscription')).toEqual([]);
    const withEmail = synth({ 'lakip:alarmEmail': 'it@diskominfo.example.go.id' }).template;
    const subs = Object.values(withEmail.Resources).filter((r) => r.Type === 'AWS::SNS::Subscription');
    expect(subs.map((s) => s.Properties)).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'it@diskominfo.example.go.id' }),
    ]);
  });

  it('sends upload events and stream batches that keep failing to queues, which alarm', () => {
    const fns = functionsOf(template);
    const destinationOf = (handler: string, type: string) => {
      const f = fns.find((x) => x.handler === handler)!;
      const [, config] = ofType(type).find(([, r]) => refs(r.Properties.FunctionName).has(f.id))!;
      return [...refs(config.Properties.DestinationConfig)];
    };
    const queues = [
      ...destinationOf('upload-received', 'AWS::Lambda::EventInvokeConfig'),
      ...destinationOf('deliver', 'AWS::Lambda::EventSourceMapping'),
    ];
    expect(queues.sort()).toEqual(
      ofType('AWS::SQS::Queue')
        .map(([id]) => id)
        .sort(),
    );
    for (const q of queues)
      expect(
        ofType('AWS::CloudWatch::Alarm').some(([, r]) => refs(r.Properties.Dimensions).has(q)),
        q,
      ).toBe(true);
  });

  it('marks uploads that kept failing: a function consumes the upload failures, within the queue visibility', () => {
    const fns = functionsOf(template);
    const consumer = fns.find((x) => x.handler === 'upload-failed')!;
    const [, mapping] = ofType('AWS::Lambda::EventSourceMapping').find(([, r]) =>
      refs(r.Properties.FunctionName).has(consumer.id),
    )!;
    const [queueId] = [...refs(mapping.Properties.EventSourceArn)];
    const queue = template.Resources[queueId!]!.Properties as { VisibilityTimeout?: number };
    const timeout = (template.Resources[consumer.id]!.Properties as { Timeout: number }).Timeout;
    // Lambda refuses an SQS event source whose visibility timeout is shorter than the function's timeout.
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(timeout);
  });
});

describe('settings for the deployment', () => {
  const archiveOf = (t: CfnTemplate) =>
    Object.values(t.Resources).find((r) => r.Metadata?.['lakip:local-name'] === 'lakip-arsip')!.Properties;

  it('locks signed reports in COMPLIANCE mode unless told GOVERNANCE; refuses anything else', () => {
    expect(archiveOf(template).ObjectLockConfiguration).toMatchObject({
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
    });
    const gov = synth({ 'lakip:objectLockMode': 'GOVERNANCE', 'lakip:archiveRetentionYears': '5' }).template;
    expect(archiveOf(gov).ObjectLockConfiguration).toMatchObject({
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1825 } },
    });
    expect(() => synth({ 'lakip:objectLockMode': 'longgar' })).toThrow(
      /objectLockMode 'longgar' tidak dikenal/,
    );
  });

  it('allows browser uploads only from the page origin, never from anywhere', () => {
    const cors = (t: CfnTemplate) =>
      Object.values(t.Resources).find((r) => r.Metadata?.['lakip:local-name'] === 'lakip-kerja')!.Properties
        .CorsConfiguration as { CorsRules: { AllowedOrigins: unknown[] }[] };
    const api = ofType('AWS::ApiGatewayV2::Api')[0]![0];
    expect(cors(template).CorsRules.map((r) => r.AllowedOrigins)).toEqual([
      [{ 'Fn::GetAtt': [api, 'ApiEndpoint'] }],
    ]);
    const custom = synth({ 'lakip:publicUrl': 'https://lakip.example.go.id/' }).template;
    expect(cors(custom).CorsRules[0]!.AllowedOrigins).toEqual(['https://lakip.example.go.id']);
    expect(() => synth({ 'lakip:publicUrl': 'http://lakip.example.go.id' })).toThrow(/harus memakai https/);
  });

  it('expires raw uploads and incomplete multipart uploads; links carry a TTL', () => {
    const buckets = ofType('AWS::S3::Bucket').map(([, r]) => r.Properties);
    for (const b of buckets) {
      const rules = (b.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      expect(rules.some((r) => r.AbortIncompleteMultipartUpload)).toBe(true);
    }
    const work = Object.values(template.Resources).find(
      (r) => r.Metadata?.['lakip:local-name'] === 'lakip-kerja',
    )!;
    expect((work.Properties.LifecycleConfiguration as { Rules: unknown[] }).Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'unggahan/', ExpirationInDays: 365 }),
    );
    expect(ofType('AWS::DynamoDB::Table')[0]![1].Properties.TimeToLiveSpecification).toEqual({
      AttributeName: 'ttl',
      Enabled: true,
    });
  });

  it('logs API access by route template (never the link in the path) and throttles the stage', () => {
    const stage = ofType('AWS::ApiGatewayV2::Stage')[0]![1].Properties as {
      AccessLogSettings: { Format: string; DestinationArn: unknown };
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    };
    expect(stage.AccessLogSettings.Format).toContain('$context.routeKey');
    expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.(path|resourcePath)/);
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
  });
});
