import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { Catalogue } from '../../lib/catalogue.ts';
import { buildApp, STACK_NAME } from '../app-builder.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './constants.ts';
import type { Statement } from './iam.ts';
import { type Lookup, refsOf, resolve } from './intrinsics.ts';

/**
 * What the local runtime reads from the synthesized template, so that it runs what deploys: the state
 * machines, the table's keys, the buckets, each function's handler and environment, the HTTP API's routes,
 * the bucket notifications and the schedules.
 */
export interface LocalTemplate {
  machines: LocalMachine[];
  table: { name: string; create: CreateTableCommandInput; ttlAttribute?: string };
  buckets: LocalBucket[];
  functions: LocalFunction[];
  routes: LocalRoute[];
  /** S3 ObjectCreated notifications: bucket local name, key prefix, function id. */
  notifications: { bucket: string; prefix: string; functionId: string }[];
  /** The table's stream: function ids invoked with new images that match their filter patterns. */
  streams: { functionId: string; patterns: unknown[] }[];
  /** EventBridge schedules: function ids invoked on a timer. */
  schedules: { functionId: string; expression: string }[];
  /** Secrets Manager secrets (PSrE credentials): local ARN, and what the local runtime serves them from. */
  secrets: LocalSecret[];
  /** Each function's IAM statements (its role's policies). */
  policies: Record<string, Statement[]>;
  /** Hash-key attribute of the table and of each index (`table/index/name`), for leading-key checks. */
  keySchemas: Record<string, string>;
  /** Resolves a CloudFormation value with local names (the API URL is known once its server listens). */
  resolveValue(v: unknown, apiUrl: string): string;
  /** Resolves an IAM resource; resources without a local counterpart (log groups, queues) get a placeholder. */
  resolveResource(v: unknown): string;
}

/** One state machine as the cloud would run it: the synthesized ASL, with function ARNs resolved. */
export interface LocalMachine {
  /** The SOP version it runs, `<id>@<versi>` (the key in STATE_MACHINES). */
  sopId: string;
  logicalId: string;
  arn: string;
  definition: AslDefinition;
  /** Function ARN in the definition → logical id of that function. */
  handlers: Record<string, string>;
}

export interface LocalFunction {
  /** Logical id in the template. */
  id: string;
  /** Folder under functions/. */
  handler: string;
  /** The synthesized Environment.Variables, unresolved. */
  variables: Record<string, unknown>;
}

export interface LocalSecret {
  arn: string;
  name: string;
  /** The agency whose credentials it holds, and the variable of `npm start` they are read from. */
  agencyId: string;
  kredensial: string;
}

export interface LocalBucket {
  logicalId: string;
  name: string;
  cors?: {
    AllowedOrigins: unknown[];
    AllowedMethods: string[];
    AllowedHeaders?: string[];
    MaxAge?: number;
  }[];
}

export interface LocalRoute {
  method: string;
  /** `/t/{link}` style, as in the RouteKey. */
  path: string;
  functionId: string;
  authorization: string;
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

export { LOCAL_ACCOUNT, LOCAL_REGION };

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export const functionArn = (id: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;
export const machineArn = (sopId: string) =>
  `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${sopId}`;

/**
 * Synthesizes the same CDK app `cdk deploy` uses (bundling skipped: only the template matters here) and
 * reads what the local runtime needs from it.
 */
export function readTemplate(catalogue: Catalogue, outdir: string): LocalTemplate {
  process.env.CDK_VALIDATION = 'false';
  const { app, stack } = buildApp({ catalogue, skipBundling: true, outdir });
  const { Resources: resources } = app.synth().getStackByName(STACK_NAME).template as {
    Resources: Record<string, Resource>;
  };
  const ofType = (t: string) => Object.entries(resources).filter(([, r]) => r.Type === t);

  const sopOfMachine = new Map(
    Object.entries(stack.machines).map(([sopId, m]) => [
      stack.getLogicalId(m.stateMachine.node.defaultChild as never),
      sopId,
    ]),
  );
  // A named machine keeps its name locally (functions name its ARN); an unnamed one is called by its SOP id.
  const machineArnOf = (id: string) => {
    const name = resources[id]!.Properties.StateMachineName;
    return typeof name === 'string'
      ? `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`
      : machineArn(sopOfMachine.get(id)!);
  };
  const localName = (id: string) => {
    const name = resources[id]?.Metadata?.['lakip:local-name'];
    if (typeof name !== 'string')
      throw new Error(`resource ${id} has no local counterpart (lakip:local-name)`);
    return name;
  };
  const lookup =
    (apiUrl: string): Lookup =>
    (id, attr) => {
      const type = resources[id]?.Type;
      if (type === 'AWS::Lambda::Function') return attr === 'Arn' ? functionArn(id) : id;
      if (type === 'AWS::StepFunctions::StateMachine' && !attr) return machineArnOf(id);
      if (type === 'AWS::DynamoDB::Table')
        return attr === 'Arn'
          ? `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${localName(id)}`
          : localName(id);
      if (type === 'AWS::S3::Bucket') return attr === 'Arn' ? `arn:aws:s3:::${localName(id)}` : localName(id);
      if (type === 'AWS::ApiGatewayV2::Api' && attr === 'ApiEndpoint') return apiUrl;
      // The signing key: locally a key file under the data dir signs instead (LAKIP_TTE_LOKAL).
      if (type === 'AWS::KMS::Key') return `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/${id}`;
      // PSrE credentials: served by infra/local/secrets.ts from the variable the agency file names.
      if (type === 'AWS::SecretsManager::Secret' && !attr) return secretArn(id);
      throw new Error(`no local counterpart for ${id}${attr ? `.${attr}` : ''} (${type})`);
    };
  const secretArn = (id: string) => `arn:aws:secretsmanager:${LOCAL_REGION}:${LOCAL_ACCOUNT}:secret:${id}`;
  const resolveValue = (v: unknown, apiUrl: string) => resolve(v, lookup(apiUrl));
  const functionOfArn = (v: unknown) => {
    const arn = resolveValue(v, '');
    return arn.slice(arn.lastIndexOf(':') + 1);
  };

  const functions: LocalFunction[] = ofType('AWS::Lambda::Function')
    .filter(([, r]) => typeof r.Metadata?.['lakip:handler'] === 'string')
    .map(([id, r]) => ({
      id,
      handler: r.Metadata!['lakip:handler'] as string,
      variables: ((r.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables ??
        {}) as Record<string, unknown>,
    }));
  const handlers = Object.fromEntries(functions.map((f) => [functionArn(f.id), f.id]));
  const machines = [...sopOfMachine].map(([logicalId, sopId]) => ({
    sopId,
    logicalId,
    arn: machineArnOf(logicalId),
    definition: JSON.parse(
      resolveValue(resources[logicalId]!.Properties.DefinitionString, ''),
    ) as AslDefinition,
    handlers,
  }));

  const [tableId, table] = ofType('AWS::DynamoDB::Table')[0]!;
  const p = table.Properties as Record<string, never>;
  const ttl = p.TimeToLiveSpecification as { AttributeName?: string; Enabled?: boolean } | undefined;

  const integrations = new Map(
    ofType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [
      id,
      functionOfArn(r.Properties.IntegrationUri),
    ]),
  );
  const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
    const [method, path] = String(r.Properties.RouteKey).split(' ');
    const integration = refsOf(r.Properties.Target).find((x) => integrations.has(x))!;
    return {
      method: method!,
      path: path!,
      functionId: integrations.get(integration)!,
      authorization: String(r.Properties.AuthorizationType ?? 'NONE'),
    };
  });

  const notifications = ofType('Custom::S3BucketNotifications').flatMap(([, r]) => {
    const config = r.Properties.NotificationConfiguration as {
      LambdaFunctionConfigurations?: {
        Events: string[];
        Filter?: { Key?: { FilterRules?: { Name: string; Value: string }[] } };
        LambdaFunctionArn: unknown;
      }[];
    };
    return (config.LambdaFunctionConfigurations ?? [])
      .filter((c) => c.Events.some((e) => e.startsWith('s3:ObjectCreated')))
      .map((c) => ({
        bucket: resolveValue(r.Properties.BucketName, ''),
        prefix: c.Filter?.Key?.FilterRules?.find((f) => f.Name.toLowerCase() === 'prefix')?.Value ?? '',
        functionId: functionOfArn(c.LambdaFunctionArn),
      }));
  });
  const schedules = ofType('AWS::Events::Rule')
    .filter(([, r]) => r.Properties.ScheduleExpression)
    .flatMap(([, r]) =>
      (r.Properties.Targets as { Arn: unknown }[]).map((t) => ({
        functionId: functionOfArn(t.Arn),
        expression: String(r.Properties.ScheduleExpression),
      })),
    );

  const policies = Object.fromEntries(
    functions.map((f) => {
      const role = refsOf(resources[f.id]!.Properties.Role)[0]!;
      const statements = ofType('AWS::IAM::Policy')
        .filter(([, r]) => refsOf(r.Properties.Roles).includes(role))
        .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      return [f.id, statements];
    }),
  );
  const hashOf = (schema: unknown) =>
    (schema as { AttributeName: string; KeyType: string }[]).find((k) => k.KeyType === 'HASH')!.AttributeName;
  const keySchemas = {
    [localName(tableId)]: hashOf(p.KeySchema),
    ...Object.fromEntries(
      ((p.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[]).map((i) => [
        `${localName(tableId)}/index/${i.IndexName}`,
        hashOf(i.KeySchema),
      ]),
    ),
  };
  const lenient: Lookup = (id, attr) => {
    try {
      return lookup('')(id, attr);
    } catch {
      return `arn:lokal:tidak-diemulasikan:${id}`;
    }
  };

  const streams = ofType('AWS::Lambda::EventSourceMapping')
    .filter(([, r]) => JSON.stringify(r.Properties.EventSourceArn).includes('"StreamArn"'))
    .map(([, r]) => ({
      functionId: refsOf(r.Properties.FunctionName)[0]!,
      patterns: ((r.Properties.FilterCriteria as { Filters?: { Pattern: string }[] })?.Filters ?? []).map(
        (f) => JSON.parse(f.Pattern),
      ),
    }));

  const secrets = ofType('AWS::SecretsManager::Secret')
    .filter(([, r]) => typeof r.Metadata?.['lakip:agency'] === 'string')
    .map(([id, r]) => ({
      arn: secretArn(id),
      name: typeof r.Properties.Name === 'string' ? r.Properties.Name : id,
      agencyId: r.Metadata!['lakip:agency'] as string,
      kredensial: String(r.Metadata!['lakip:kredensial'] ?? ''),
    }));

  return {
    streams,
    secrets,
    policies,
    keySchemas,
    resolveResource: (v) => resolve(v, lenient),
    machines,
    table: {
      name: localName(tableId),
      ttlAttribute: ttl?.Enabled ? ttl.AttributeName : undefined,
      create: {
        TableName: localName(tableId),
        BillingMode: p.BillingMode,
        AttributeDefinitions: p.AttributeDefinitions,
        KeySchema: p.KeySchema,
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
      },
    },
    buckets: ofType('AWS::S3::Bucket')
      .filter(([, r]) => typeof r.Metadata?.['lakip:local-name'] === 'string')
      .map(([id, r]) => ({
        logicalId: id,
        name: localName(id),
        cors: (r.Properties.CorsConfiguration as { CorsRules?: LocalBucket['cors'] } | undefined)?.CorsRules,
      })),
    functions,
    routes,
    notifications,
    schedules,
    resolveValue,
  };
}

/** Every Task state, including those inside Map states, with its name. */
export function taskStates(def: AslDefinition): [string, AslState][] {
  return Object.entries(def.States).flatMap(([name, s]) => {
    const inner = s.ItemProcessor ?? s.Iterator;
    return s.Type === 'Task' ? [[name, s] as [string, AslState]] : inner ? taskStates(inner) : [];
  });
}
