import type { z } from 'zod';
import { closest } from './suggest.ts';

/**
 * Reading a zod schema alongside the parsed YAML it validates. zod strips keys it does not know,
 * so a misspelt `olleh:` would silently vanish (and its step would fall back to the default actor);
 * walking the schema's shape over the raw document finds every such key, in any schema, without
 * each schema having to be declared `.strict()`.
 */

type Schema = z.core.$ZodType;
type Path = (string | number)[];

/** Wrappers whose inner schema describes the same value. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        s = def.innerType as Schema;
        break;
      case 'pipe':
        s = def.in as Schema;
        break;
      case 'lazy':
        s = (def.getter as () => Schema)();
        break;
      default:
        return s;
    }
  }
  return s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key the schema does not define, with the closest key it does define, if one is near. */
export interface UnknownKey {
  path: Path;
  key: string;
  allowed: string[];
  saran: string | undefined;
}

/** Every key of `value` that the schema (at any depth) does not define. */
export function unknownKeys(schema: Schema, value: unknown, path: Path = []): UnknownKey[] {
  const s = unwrap(schema);
  const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return [];
      const shape = def.shape as Record<string, Schema>;
      const catchall = def.catchall as Schema | undefined;
      // A passthrough object declares that any key is fine; a strict one is checked here all the same.
      const open = catchall !== undefined && catchall._zod.def.type !== 'never';
      const allowed = Object.keys(shape);
      return Object.entries(value).flatMap(([k, v]) => {
        const inner = shape[k];
        if (inner) return unknownKeys(inner, v, [...path, k]);
        if (open) return unknownKeys(catchall, v, [...path, k]);
        return [{ path: [...path, k], key: k, allowed, saran: closest(k, allowed) }];
      });
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => unknownKeys(def.element as Schema, v, [...path, i]))
        : [];
    case 'record':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([k, v]) => unknownKeys(def.valueType as Schema, v, [...path, k]))
        : [];
    case 'union': {
      // The option that fits best: the one that leaves the fewest unknown keys.
      let best: UnknownKey[] | undefined;
      for (const option of def.options as Schema[]) {
        const found = unknownKeys(option, value, path);
        if (!best || found.length < best.length) best = found;
        if (found.length === 0) break;
      }
      return best ?? [];
    }
    default:
      return [];
  }
}

/** The (unwrapped) schema that validates the value at `path`, when the path leads to a single one. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = unwrap(schema);
  for (const seg of path) {
    if (!s) return undefined;
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === 'object') s = (def.shape as Record<string, Schema>)[String(seg)];
    else if (def.type === 'array') s = def.element as Schema;
    else if (def.type === 'record') s = def.valueType as Schema;
    else return undefined;
    s = s && unwrap(s);
  }
  return s;
}

/** True for a number schema that only accepts integers (`.int()`). */
export function isIntegerSchema(schema: Schema | undefined): boolean {
  if (!schema || schema._zod.def.type !== 'number') return false;
  const bag = schema._zod.bag as { format?: string };
  return bag.format === 'safeint' || bag.format === 'int32' || bag.format === 'uint32';
}
