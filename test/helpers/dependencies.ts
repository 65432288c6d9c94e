import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/**
 * The layering rules of the code base, checked over import specifiers (static imports, `import type`,
 * `export … from`, dynamic `import()` and `typeof import()` all count):
 * - lib/ never imports infra/ or functions/;
 * - only lib/adapters/ imports the AWS SDK;
 * - functions/ never imports infra/;
 * - lib's top-level modules (a folder such as lib/cycle, or a file such as lib/catalogue.ts) form no cycle.
 */

export interface Import {
  /** Path from the repository root, with forward slashes. */
  file: string;
  specifier: string;
  /** The repository path the specifier points at, when it is one of ours (relative or a `#` alias). */
  target?: string;
}

const ALIASES: Record<string, string> = { '#lib/': 'lib/', '#functions/': 'functions/' };

export function importsOf(file: string, source: string): Import[] {
  const found = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  return found.map((specifier) => {
    const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a));
    const target = specifier.startsWith('.')
      ? posix.normalize(posix.join(posix.dirname(file), specifier))
      : alias
        ? ALIASES[alias] + specifier.slice(alias.length)
        : undefined;
    return target === undefined ? { file, specifier } : { file, specifier, target };
  });
}

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = posix.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : tsFiles(root, path);
    return /\.(ts|mts|mjs|js)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every import of every source file under lib/ and functions/ of the repository at `root`. */
export function repositoryImports(root: string): Import[] {
  return ['lib', 'functions'].flatMap((dir) =>
    tsFiles(root, dir).flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8'))),
  );
}

const under = (path: string | undefined, dir: string) => path?.startsWith(`${dir}/`) === true;
const show = (i: Import) => `${i.file} imports '${i.specifier}'`;

/** The top-level module of lib a path belongs to: 'cycle' for lib/cycle/…, 'catalogue' for lib/catalogue.ts. */
export function libModule(path: string): string | undefined {
  if (!under(path, 'lib')) return undefined;
  const [first, ...rest] = path.slice('lib/'.length).split('/');
  return rest.length > 0 ? first : first!.replace(/\.[mc]?[tj]s$/, '');
}

/** One message per broken rule, naming the file and the import; empty when the layering holds. */
export function dependencyViolations(imports: Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    if (under(i.file, 'lib')) {
      if (under(i.target, 'infra') || under(i.target, 'functions'))
        out.push(`${show(i)}: lib must not depend on ${i.target!.split('/')[0]}/`);
      if (i.specifier.startsWith('@aws-sdk/') && !under(i.file, 'lib/adapters'))
        out.push(`${show(i)}: the AWS SDK belongs in lib/adapters/ only`);
    }
    if (under(i.file, 'functions') && under(i.target, 'infra'))
      out.push(`${show(i)}: functions must not depend on infra/`);
  }
  return [...out, ...moduleCycles(imports)];
}

/** Cycles between lib's top-level modules, each with one import that makes every edge of it. */
export function moduleCycles(imports: Import[]): string[] {
  const edges = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const from = libModule(i.file);
    const to = i.target && libModule(i.target);
    if (!from || !to || from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, i);
  }
  return stronglyConnected(edges)
    .filter((c) => c.length > 1)
    .map((found) => {
      const component = found.sort();
      const inside = new Set(component);
      const examples = component.flatMap((from) =>
        [...(edges.get(from) ?? [])].filter(([to]) => inside.has(to)).map(([, i]) => show(i)),
      );
      return `cycle between lib modules ${component.join(', ')}: ${examples.join('; ')}`;
    });
}

/** Tarjan's algorithm: the strongly connected components of a directed graph. */
function stronglyConnected(edges: Map<string, Map<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return components;
}

/** The repository this file belongs to. */
export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');
