import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  type HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Per-stage limits: far above what one province's staff click, low enough to blunt a flood. */
export const THROTTLE = { rateLimit: 25, burstLimit: 50 };

export interface RouteSpec {
  path: string;
  methods: HttpMethod[];
}

/**
 * The access log line: the route template (`GET /t/{link}`), never the raw path, because a task link's
 * path is its secret.
 */
const ACCESS_LOG = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    route: '$context.routeKey',
    status: '$context.status',
    bytes: '$context.responseLength',
    latencyMs: '$context.integrationLatency',
    error: '$context.integrationErrorMessage',
    ip: '$context.identity.sourceIp',
  }),
);

/** The HTTP API (in the stack's scope: its logical id, and so its URL, stays that of the first deploys). */
export function createApi(scope: Construct): { api: HttpApi; stage: HttpStage } {
  const api = new HttpApi(scope, 'Api', {
    description: 'lakip-flow: halaman tugas dan API operator',
    createDefaultStage: false,
  });
  const logs = new LogGroup(scope, 'ApiAccessLogs', {
    retention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: THROTTLE,
    accessLogSettings: { destination: new LogGroupLogDestination(logs), format: ACCESS_LOG },
  });
  return { api, stage };
}

/**
 * Public task-link routes: no AWS authorizer, because the person holds no AWS identity. The 128-bit link
 * id in the path is the credential, checked by the function (hash lookup, assignee, expiry).
 */
export function addLinkRoutes(api: HttpApi, fn: IFunction, routes: RouteSpec[], id = 'Pages'): void {
  const integration = new HttpLambdaIntegration(id, fn);
  for (const r of routes) {
    for (const route of api.addRoutes({ path: r.path, methods: r.methods, integration })) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Task-link route for people without AWS identities; the unguessable link id in the path is checked by the function (hash, assignee, expiry).',
      });
    }
  }
}

/** Operator routes: only callers with IAM credentials (provincial IT) reach them. */
export function addOperatorRoutes(api: HttpApi, fn: IFunction, routes: RouteSpec[]): void {
  const integration = new HttpLambdaIntegration('Operator', fn);
  const authorizer = new HttpIamAuthorizer();
  for (const r of routes) api.addRoutes({ path: r.path, methods: r.methods, integration, authorizer });
}
