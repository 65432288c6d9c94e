import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { KeyPrefix } from '../../lib/adapters/dynamodb-store.ts';

/**
 * What a function may do with each kind of resource, as data: the bindings in lakip-function.ts turn it
 * into IAM statements, and the CDK tests and the local runtime read those statements back.
 */
export interface TableAccess {
  /** GetItem and Query, only on items whose partition key starts with one of these. */
  read?: readonly KeyPrefix[];
  /** PutItem and UpdateItem (conditional writes included), only on these partition keys. */
  write?: readonly KeyPrefix[];
  /** Query on these global secondary indexes (each index is its own resource). */
  indexes?: readonly string[];
}

export interface BucketAccess {
  /** GetObject (and HeadObject) on these key patterns, e.g. 'siklus/*'. */
  read?: readonly string[];
  /** PutObject on these key patterns (also what a presigned POST signed by the function may do). */
  write?: readonly string[];
  /** ListBucket: without it S3 answers 403 instead of 404 for a missing key (BlobStore.exists). */
  list?: boolean;
}

export interface MachineAccess {
  /** StartExecution (operators starting a cycle). */
  start?: boolean;
  /** SendTaskSuccess: resuming a waiting task with a person's answer. */
  respond?: boolean;
  /** StopExecution on the machines' executions (an operator moving a running cycle to another SOP version). */
  stop?: boolean;
}

export function tableStatements(table: ITable, a: TableAccess): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  const onKeys = (actions: string[], prefixes: readonly KeyPrefix[]) =>
    new PolicyStatement({
      actions,
      resources: [table.tableArn],
      // The table is shared by every kind of item; the partition key's prefix says which kind.
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) },
      },
    });
  if (a.read?.length) out.push(onKeys(['dynamodb:GetItem', 'dynamodb:Query'], a.read));
  if (a.write?.length) out.push(onKeys(['dynamodb:PutItem', 'dynamodb:UpdateItem'], a.write));
  if (a.indexes?.length)
    out.push(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: a.indexes.map((i) => `${table.tableArn}/index/${i}`),
      }),
    );
  return out;
}

export function bucketStatements(bucket: IBucket, a: BucketAccess): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  if (a.read?.length)
    out.push(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: a.read.map((p) => bucket.arnForObjects(p)),
      }),
    );
  if (a.write?.length)
    out.push(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: a.write.map((p) => bucket.arnForObjects(p)),
      }),
    );
  if (a.list) out.push(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  return out;
}

/** The cdk-nag finding ids of the key-pattern grants of `bucketStatements`, to acknowledge them by name. */
export function bucketPatternFindings(bucket: IBucket, a: BucketAccess): string[] {
  const cfn = bucket.node.defaultChild as CfnBucket;
  const id = Stack.of(bucket).resolve(cfn.logicalId) as string;
  return [...new Set([...(a.read ?? []), ...(a.write ?? [])])]
    .filter((p) => p.includes('*'))
    .map((p) => `AwsSolutions-IAM5[Resource::<${id}.Arn>/${p}]`);
}

export function machineStatements(arns: string[], a: MachineAccess): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  if (a.start) out.push(new PolicyStatement({ actions: ['states:StartExecution'], resources: arns }));
  if (a.respond) out.push(new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: arns }));
  if (a.stop)
    out.push(
      new PolicyStatement({
        actions: ['states:StopExecution'],
        resources: arns.map((arn) => `${arn.replace(':stateMachine:', ':execution:')}:*`),
      }),
    );
  return out;
}

/**
 * The SES identities a sender may be verified as (README: a domain or a single address): sending is
 * allowed through either. (No ses:FromAddress condition: nodemailer passes the whole From header,
 * display name included, and how SES compares that cannot be checked without an account.)
 */
export function mailStatement(stack: Stack, from: string): PolicyStatement {
  const address = mailAddress(from);
  const domain = address.split('@')[1]!;
  const identity = (name: string) =>
    `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${name}`;
  return new PolicyStatement({
    actions: ['ses:SendEmail'],
    resources: [identity(domain), identity(address)],
  });
}

/** `lakip@x.go.id` or `lakip-flow <lakip@x.go.id>` → the address. */
export function mailAddress(from: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(from);
  if (!m)
    throw new Error(
      `lakip:mailFrom '${from}' bukan alamat email. Contoh: lakip@diskominfo.example.go.id atau "LAKIP <lakip@diskominfo.example.go.id>".`,
    );
  return m[1]!.toLowerCase();
}
