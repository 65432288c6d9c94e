import { LOCAL_ACCOUNT, LOCAL_REGION } from './constants.ts';

/** Gives the local value of a resource's Ref (attr undefined) or of one of its attributes. */
export type Lookup = (logicalId: string, attr?: string) => string;

/**
 * Resolves the intrinsic functions CDK writes into environment variables and state machine definitions.
 * Anything else throws, naming it, so a template the local runtime cannot reproduce is noticed at start.
 */
export function resolve(v: unknown, lookup: Lookup): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => resolve(x, lookup)).join('');
  const o = (v ?? {}) as Record<string, unknown>;
  if (o['Fn::Join']) {
    const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map((x) => resolve(x, lookup)).join(sep);
  }
  if (typeof o.Ref === 'string') {
    if (o.Ref === 'AWS::Partition') return 'aws';
    if (o.Ref === 'AWS::Region') return LOCAL_REGION;
    if (o.Ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
    if (o.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
    return lookup(o.Ref);
  }
  if (Array.isArray(o['Fn::GetAtt'])) {
    const [id, attr] = o['Fn::GetAtt'] as [string, string];
    return lookup(id, attr);
  }
  throw new Error(`unsupported intrinsic: ${JSON.stringify(v).slice(0, 120)}`);
}

/** Logical ids a value refers to (Ref and Fn::GetAtt), pseudo parameters excluded. */
export function refsOf(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.Ref === 'string' && !o.Ref.startsWith('AWS::')) out.push(o.Ref);
      else if (Array.isArray(o['Fn::GetAtt'])) out.push(String(o['Fn::GetAtt'][0]));
      else Object.values(o).forEach(walk);
    }
  };
  walk(v);
  return out;
}
