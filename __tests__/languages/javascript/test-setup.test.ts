/**
 * What test runners mock for every test, read from their configuration without running it (issue 14,
 * item 2): the setup files of jest (`setupFiles`, `setupFilesAfterEnv`, in jest.config.* or package.json)
 * and vitest (`test.setupFiles`, in vitest.config.* or vite.config.*), and the modules those files mock.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { transformFile } from '../../../src/engine/pipeline';
import { selectTransforms } from '../../../src/transforms';
import { removeTempDirs, tempTree } from '../../helpers/temp-repo';

afterAll(removeTempDirs);

const REGISTRY = JSON.stringify({
  symbols: [{ name: 'format', from: 'src/common', legacy: [{ name: 'format', from: 'src/common/format' }] }],
});
const COMMON = {
  'src/common/index.ts': "export * from './format';\n",
  'src/common/format.ts': 'export const format = (n: number): string => String(n);\n',
};

/** The registry-relative paths of the modules mocked for `file`, with the setup file that mocks each. */
function mocksFor(root: string, file: string): string[] {
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  return registry.resolver.setupMocks(path.join(root, file)).map(({ module, setupFile }) =>
    `${module.kind === 'file' ? path.relative(root, module.path) : module.name} by ${path.relative(root, setupFile)}`);
}

describe('test runner setup files', () => {
  it('reads jest.config.js: module.exports, <rootDir>, setupFilesAfterEnv, jest.mock and jest.doMock', () => {
    const root = tempTree({
      'ssot.config.json': REGISTRY, ...COMMON,
      'jest.config.js': "module.exports = {\n  setupFiles: ['<rootDir>/test/env.js'],\n  setupFilesAfterEnv: ['./test/after.ts'],\n};\n",
      'test/env.js': "jest.mock('../src/common');\n",
      'test/after.ts': "jest.doMock('../src/common/format', () => ({ format: () => '' }));\njest.requireActual('../src/other');\n",
    });
    expect(mocksFor(root, 'src/app/a.ts')).toEqual(['src/common/index.ts by test/env.js', 'src/common/format.ts by test/after.ts']);
  });

  it("reads package.json's jest section, and a rootDir", () => {
    const root = tempTree({
      'ssot.config.json': REGISTRY, ...COMMON,
      'package.json': JSON.stringify({ name: 'x', jest: { rootDir: 'src', setupFiles: ['<rootDir>/setup.js'] } }),
      'src/setup.js': "jest.mock('./common');\n",
    });
    expect(mocksFor(root, 'src/app/a.ts')).toEqual(['src/common/index.ts by src/setup.js']);
  });

  it('reads vitest.config.ts and vite.config.mjs: defineConfig, a single string, path.resolve(__dirname), new URL(…, import.meta.url)', () => {
    const root = tempTree({
      'ssot.config.json': REGISTRY, ...COMMON,
      'packages/a/vitest.config.ts': "import { defineConfig } from 'vitest/config';\nimport path from 'node:path';\n\nexport default defineConfig({\n  test: { setupFiles: [path.resolve(__dirname, 'setup/mocks.ts')] },\n});\n",
      'packages/a/setup/mocks.ts': "import { vi } from 'vitest';\nvi.mock('../../../src/common');\n",
      'packages/b/vite.config.mjs': "import { fileURLToPath } from 'node:url';\nexport default {\n  test: { setupFiles: fileURLToPath(new URL('./setup.mjs', import.meta.url)) },\n};\n",
      'packages/b/setup.mjs': "vi.mock(import('../../src/common/format'));\n",
    });
    expect(mocksFor(root, 'packages/a/src/x.ts')).toEqual(['src/common/index.ts by packages/a/setup/mocks.ts']);
    expect(mocksFor(root, 'packages/b/deep/y.ts')).toEqual(['src/common/format.ts by packages/b/setup.mjs']);
    // A configuration applies to its own folder only.
    expect(mocksFor(root, 'src/app/a.ts')).toEqual([]);
  });

  it('never runs the configuration: one that would throw, or that computes its setup files, yields what is written as data', () => {
    const root = tempTree({
      'ssot.config.json': REGISTRY, ...COMMON,
      'jest.config.js': "throw new Error('never run');\nmodule.exports = { setupFiles: [process.env.SETUP, './setup.js'] };\n",
      'setup.js': "jest.mock('./src/common');\n",
    });
    expect(mocksFor(root, 'src/app/a.ts')).toEqual(['src/common/index.ts by setup.js']);
  });

  it('keeps a file on the module it imports when the setup mocks the one it would move to, and rewrites elsewhere', () => {
    const root = tempTree({
      'ssot.config.json': REGISTRY, ...COMMON,
      'packages/a/vitest.config.ts': "export default { test: { setupFiles: ['./setup.ts'] } };\n",
      'packages/a/setup.ts': "vi.mock('../../src/common');\n",
      'packages/a/test/view.test.ts': "import { format } from '../../../src/common/format';\n\nexport const shown = format(1);\n",
      'packages/b/test/view.test.ts': "import { format } from '../../../src/common/format';\n\nexport const shown = format(1);\n",
    });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const run = (name: string) => {
      const file = path.join(root, name);
      return transformFile({ path: file, source: fs.readFileSync(file, 'utf8'), registry, transforms: selectTransforms() });
    };
    const mocked = run('packages/a/test/view.test.ts');
    expect(mocked.status).toBe('unchanged');
    expect(mocked.findings.map((f) => `${f.line}:${f.column} ${f.kind} ${f.message}`)).toEqual([
      '1:10 mock-boundary "src/common" is mocked by the test setup (packages/a/setup.ts): moving the import onto it would change what a test gets: the reference stays',
    ]);
    expect(run('packages/b/test/view.test.ts').output).toBe("import { format } from '../../../src/common';\n\nexport const shown = format(1);\n");
  });
});
