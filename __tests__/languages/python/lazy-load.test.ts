/**
 * Every registry sets up the Python module system, but pyright's parser (2.2 MB of modules, about 40 ms
 * in each thread) is loaded only when a Python file is first read: a run over JavaScript alone never
 * loads it. Checked on the built engine in a fresh Node, whose module cache says what was loaded.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs, writeFiles } from '../../helpers/temp-repo';

const DIST = path.join(__dirname, '..', '..', '..', 'dist', 'src');

afterAll(removeTempDirs);

/** Runs the engine on `file` of `root` in a fresh Node: whether pyright was loaded before and after, and the result. */
function loadsPyright(root: string, file: string, prefilter = true): { before: boolean; after: boolean; status: string } {
  const script = `
    const { loadRegistry } = require(${JSON.stringify(path.join(DIST, 'registry', 'load.js'))});
    const { transformFile } = require(${JSON.stringify(path.join(DIST, 'engine', 'pipeline.js'))});
    const { selectTransforms } = require(${JSON.stringify(path.join(DIST, 'transforms', 'index.js'))});
    const loaded = () => Object.keys(require.cache).some((m) => m.includes('pyright-internal'));
    const registry = loadRegistry({ configPath: ${JSON.stringify(path.join(root, 'ssot.config.json'))} });
    const before = loaded();
    const file = ${JSON.stringify(path.join(root, file))};
    const { status } = transformFile({ path: file, source: require('fs').readFileSync(file, 'utf8'), registry, transforms: selectTransforms(), prefilter: ${prefilter} });
    process.stdout.write(JSON.stringify({ before, after: loaded(), status }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('pyright is loaded with the first Python file, never for JavaScript alone', () => {
  const root = makeTempDir('ssot-lazy-');
  writeFiles(root, {
    'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old_engine' }] }] }),
    'src/engine.ts': 'export class Engine {}\n', 'src/old_engine.ts': "export { Engine } from './engine';\n",
    'src/user.ts': "import { Engine } from './old_engine';\nexport const e = new Engine();\n",
    'app/engine.py': 'class Engine: pass\n', 'app/user.py': 'from app.engine import Engine\n',
  });

  it('rewrites a JavaScript file without loading it', () => {
    expect(loadsPyright(root, 'src/user.ts')).toEqual({ before: false, after: false, status: 'changed' });
  });

  it('loads it to read a Python file', () => {
    // This registry names no Python module: without the pre-filter, the file is read all the same.
    expect(loadsPyright(root, 'app/user.py', false)).toEqual({ before: false, after: true, status: 'unchanged' });
  });
});

describe("the registry's python.version, read when pyright is", () => {
  it.each([
    [undefined, 'unchanged'],
    ['3.12', 'unchanged'],
    ['3.11', 'failed'],
  ])('python.version %s: `type X = int` (Python 3.12) is %s', (version, status) => {
    const root = makeTempDir('ssot-version-');
    writeFiles(root, {
      'ssot.config.json': JSON.stringify({ symbols: [], ...(version ? { python: { version } } : {}) }),
      'app/types.py': 'type X = int\n',
    });
    const script = `
      const { loadRegistry } = require(${JSON.stringify(path.join(DIST, 'registry', 'load.js'))});
      const { transformFile } = require(${JSON.stringify(path.join(DIST, 'engine', 'pipeline.js'))});
      const registry = loadRegistry({ configPath: ${JSON.stringify(path.join(root, 'ssot.config.json'))} });
      const file = ${JSON.stringify(path.join(root, 'app', 'types.py'))};
      process.stdout.write(transformFile({ path: file, source: 'type X = int\\n', registry, transforms: [], prefilter: false }).status);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(status);
  });
});
