import { describe, expect, it } from 'vitest';
import {
  dependencyViolations,
  type Import,
  importsOf,
  libModule,
  REPOSITORY_ROOT,
  repositoryImports,
} from '../helpers/dependencies.ts';

const files = (sources: Record<string, string>): Import[] =>
  Object.entries(sources).flatMap(([file, source]) => importsOf(file, source));

describe('dependency rules', () => {
  it('hold in this repository', () => {
    const imports = repositoryImports(REPOSITORY_ROOT);
    expect(imports.length).toBeGreaterThan(100);
    expect(dependencyViolations(imports)).toEqual([]);
  });

  it('see every kind of import specifier', () => {
    const found = importsOf(
      'lib/a/x.ts',
      `import { a } from './y.ts';
import type { B } from '../b/z.ts';
export { c } from '#lib/c/w.ts';
export * from '../d.ts';
const m = await import('../../infra/local/demo-main.ts');
type T = typeof import('#functions/api/handler.ts');`,
    );
    expect(found.map((i) => i.target)).toEqual([
      'lib/a/y.ts',
      'lib/b/z.ts',
      'lib/c/w.ts',
      'lib/d.ts',
      'infra/local/demo-main.ts',
      'functions/api/handler.ts',
    ]);
  });

  it('name lib modules by top-level folder, or by file for top-level files', () => {
    expect(libModule('lib/cycle/steps/index.ts')).toBe('cycle');
    expect(libModule('lib/catalogue.ts')).toBe('catalogue');
    expect(libModule('functions/api/handler.ts')).toBeUndefined();
  });

  it('refuse lib importing infra or functions, by path or alias, statically or dynamically', () => {
    const v = dependencyViolations(
      files({
        'lib/cli/main.ts': `const { demoMain } = await import('../../infra/local/demo-main.ts');`,
        'lib/http/x.ts': `import type { handler } from '#functions/api/handler.ts';`,
      }),
    );
    expect(v).toEqual([
      `lib/cli/main.ts imports '../../infra/local/demo-main.ts': lib must not depend on infra/`,
      `lib/http/x.ts imports '#functions/api/handler.ts': lib must not depend on functions/`,
    ]);
  });

  it('allow the AWS SDK in lib/adapters and functions only', () => {
    const v = dependencyViolations(
      files({
        'lib/adapters/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';`,
        'functions/commons/runtime.ts': `import { SFNClient } from '@aws-sdk/client-sfn';`,
        'lib/cycle/x.ts': `import type { S3Client } from '@aws-sdk/client-s3';`,
      }),
    );
    expect(v).toEqual([
      `lib/cycle/x.ts imports '@aws-sdk/client-s3': the AWS SDK belongs in lib/adapters/ only`,
    ]);
  });

  it('refuse functions importing infra', () => {
    const v = dependencyViolations(
      files({
        'functions/api/handler.ts': `import { ROOT } from '../../infra/constructs/lakip-function.ts';`,
      }),
    );
    expect(v).toEqual([
      `functions/api/handler.ts imports '../../infra/constructs/lakip-function.ts': functions must not depend on infra/`,
    ]);
  });

  it('refuse a cycle between lib modules, type-only imports included, naming each import in it', () => {
    const v = dependencyViolations(
      files({
        'lib/mail/messages.ts': `import type { HumanTask } from '../cycle/model.ts';`,
        'lib/cycle/people.ts': `import { mail } from '../mail/messages.ts';\nimport { x } from '../catalogue.ts';`,
        'lib/catalogue.ts': `import { y } from './sop/load.ts';`,
        'lib/sop/load.ts': `import type { Z } from '../catalogue.ts';`,
        'lib/pages/a.ts': `import { b } from './b.ts';`,
      }),
    );
    expect(v).toHaveLength(2);
    expect(v).toContain(
      `cycle between lib modules cycle, mail: lib/cycle/people.ts imports '../mail/messages.ts'; lib/mail/messages.ts imports '../cycle/model.ts'`,
    );
    expect(v).toContain(
      `cycle between lib modules catalogue, sop: lib/catalogue.ts imports './sop/load.ts'; lib/sop/load.ts imports '../catalogue.ts'`,
    );
  });
});
