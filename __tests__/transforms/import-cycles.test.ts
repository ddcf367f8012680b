/**
 * No rewrite closes an import cycle (issue 14, item 3). A registry that names a package's index as the
 * canonical module of its parts must not make a file that the index loads import the index: the index
 * would load the file, which loads the index, which is still half-evaluated. Such a file keeps its import
 * and gets a `cycle` finding; a file the index does not load is rewritten as usual.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const PROJECT: Record<string, string> = {
  'ssot.config.json': JSON.stringify({
    symbols: [
      { name: 'clamp', from: 'packages/common/src', legacy: [{ name: 'clamp', from: 'packages/common/src/utils' }] },
      {
        name: 'Pool', from: 'packages/common/src',
        legacy: [{ name: 'Pool', from: 'packages/common/src/legacy-pool', construct: { factory: 'createPool', from: 'packages/common/src' } }],
      },
    ],
  }),
  'packages/common/src/index.ts': "export * from './utils';\nexport * from './random';\nexport * from './feature';\nexport * from './pool';\nexport * from './pool-user';\nexport * from './typed';\nexport * from './both';\n",
  'packages/common/src/utils.ts': 'export function clamp(n: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, n));\n}\n',
  // Loaded by the index directly.
  'packages/common/src/random.ts': "import { clamp } from './utils';\n\nexport const random = (lo: number, hi: number): number => clamp(Math.random() * hi, lo, hi);\n",
  // Loaded by the index through feature/index.ts.
  'packages/common/src/feature/index.ts': "export * from './deep';\n",
  'packages/common/src/feature/deep.ts': "import { clamp } from '../utils';\n\nexport const half = clamp(0.5, 0, 1);\n",
  // Not loaded by the index: a script of the package's own.
  'packages/common/src/tools/script.ts': "import { clamp } from '../utils';\n\nexport const one = clamp(2, 0, 1);\n",
  'packages/common/src/pool.ts': 'export class Pool {\n  constructor(readonly size: number) {}\n}\n\nexport function createPool(size = 1): Pool {\n  return new Pool(size);\n}\n',
  'packages/common/src/legacy-pool.ts': "export { Pool } from './pool';\n",
  'packages/common/src/pool-user.ts': "import { Pool } from './legacy-pool';\n\nexport const shared = (): Pool => new Pool(2);\n",
  // Loaded by the index, and loading it already: in a cycle with it already.
  'packages/common/src/both.ts': "import { random } from '.';\nimport { clamp } from './utils';\n\nexport const both = clamp(random(0, 2), 0, 1);\n",
  // Loaded by the index too, but a type-only import loads nothing.
  'packages/common/src/typed.ts': "import type { clamp } from './utils';\n\nexport type Clamp = typeof clamp;\n",
  'packages/app/src/main.ts': "import { clamp } from '../../common/src/utils';\n\nexport const x = clamp(5, 0, 1);\n",
};

describe('rewrites that would close an import cycle', () => {
  const root = makeTempDir();
  writeFiles(root, PROJECT);
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const run = (name: string) => {
    const file = path.join(root, name);
    return transformFile({ path: file, source: fs.readFileSync(file, 'utf8'), registry, transforms: selectTransforms() });
  };
  const kinds = (name: string): string[] => run(name).findings.map((f) => `${f.line}:${f.column} ${f.kind}`);

  it('leaves the import of a file that the canonical index loads, and says why', () => {
    const result = run('packages/common/src/random.ts');
    expect(result.status).toBe('unchanged');
    expect(kinds('packages/common/src/random.ts')).toEqual(['1:10 cycle']);
    expect(result.findings[0].message).toMatch(/packages\/common\/src.*loads this file.*import cycle/);
    // Still a legacy reference, counted as one.
    expect(result.sites.map((s) => s.kind)).toEqual(['legacy-path']);
  });

  it('also when the index loads the file through other modules', () => {
    expect(run('packages/common/src/feature/deep.ts').status).toBe('unchanged');
    expect(kinds('packages/common/src/feature/deep.ts')).toEqual(['1:10 cycle']);
  });

  it('does not replace a `new` with a factory imported from a module that loads the file', () => {
    const result = run('packages/common/src/pool-user.ts');
    expect(result.status).toBe('unchanged');
    expect(result.findings.map((f) => f.kind)).toContain('cycle');
  });

  it('rewrites the import of a file that loads the canonical module already: no new cycle', () => {
    expect(run('packages/common/src/both.ts').output).toBe("import { random, clamp } from '.';\n\nexport const both = clamp(random(0, 2), 0, 1);\n");
  });

  it('rewrites a type-only import all the same: it loads nothing', () => {
    expect(run('packages/common/src/typed.ts').output).toBe("import type { clamp } from '.';\n\nexport type Clamp = typeof clamp;\n");
  });

  it('rewrites a file of the package that the index does not load, and a file of another package', () => {
    expect(run('packages/common/src/tools/script.ts').output).toBe("import { clamp } from '..';\n\nexport const one = clamp(2, 0, 1);\n");
    expect(run('packages/app/src/main.ts').output).toBe("import { clamp } from '../../common/src';\n\nexport const x = clamp(5, 0, 1);\n");
  });
});
