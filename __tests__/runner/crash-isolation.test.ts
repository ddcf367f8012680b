/**
 * A crash stays in its file: a transform that throws on one file, injected into a run of the built
 * engine, makes that file a `failed` result naming it and the transform — in a worker thread as on the
 * main thread — while every other file of the run gets its own result.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

const DIST = path.join(REPO, 'dist', 'src');
/** The runner only starts worker threads from its compiled form, and for 500 files or more. */
const FILE_COUNT = 520;
const VICTIM = 'src/f0007.ts';

interface Run {
  file: string;
  result?: { status: string; findings: { line: number; column: number; kind: string; message: string }[] };
}

afterAll(removeTempDirs);

function tree(): { root: string; files: string[]; transformModule: string } {
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/canonical', legacy: [{ name: 'Engine', from: 'src/legacy' }] }] }),
    'src/canonical.ts': 'export class Engine {}\n',
    'src/legacy.ts': "export { Engine } from './canonical';\n",
    // Throws on one file, saying which thread it ran on; does the real work on every other file.
    'throwing.js': `const { isMainThread } = require('node:worker_threads');
const { selectTransforms } = require(${JSON.stringify(path.join(DIST, 'transforms', 'index.js'))});
const [real] = selectTransforms(['consolidated-paths']);
exports.transforms = [{ name: 'consolidated-paths', run(ctx) {
  if (ctx.path.endsWith(${JSON.stringify(VICTIM)})) throw new RangeError('boom on the ' + (isMainThread ? 'main thread' : 'worker'));
  return real.run(ctx);
} }];
`,
  };
  const names: string[] = [];
  for (let i = 0; i < FILE_COUNT; i++) {
    const name = `src/f${String(i).padStart(4, '0')}.ts`;
    files[name] = "import { Engine } from './legacy';\nexport const kind = Engine.name;\n";
    names.push(name);
  }
  const root = tempTree(files);
  return { root, files: names.map((n) => path.join(root, n)), transformModule: path.join(root, 'throwing.js') };
}

async function runBuilt(workers: number): Promise<{ runs: Run[]; files: string[] }> {
  const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
  const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
  const { root, files, transformModule } = tree();
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const runs: Run[] = await new FileRunner(registry, { transforms: ['consolidated-paths'], transformModule, workers }).run(files);
  return { runs, files };
}

describe.each([
  [2, 'worker'],
  [0, 'main thread'],
])('a transform that throws on one file (workers: %i)', (workers, thread) => {
  it(`fails that file alone, naming it and the transform, on the ${thread}`, async () => {
    expect(fs.existsSync(path.join(DIST, 'runner', 'worker.js'))).toBe(true);
    const { runs, files } = await runBuilt(workers);
    expect(runs.map((r) => r.file)).toEqual(files);
    const victim = runs.find((r) => r.file.endsWith(VICTIM))!;
    expect(victim.result!.status).toBe('failed');
    expect(victim.result!.findings).toEqual([{
      file: victim.file, line: 1, column: 1, kind: 'transform-bug',
      message: `the consolidated-paths transform failed on this file (RangeError: boom on the ${thread}); it was left as it was`,
    }]);
    const others = runs.filter((r) => r !== victim).map((r) => r.result?.status);
    expect(others).toEqual(new Array(FILE_COUNT - 1).fill('changed'));
  }, 60_000);
});

describe('worker threads', () => {
  it('are started only for a run large enough to gain from them, asked for or not', async () => {
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const Original = threads.Worker;
    let started = 0;
    threads.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        started++;
      }
    } as typeof Original;
    try {
      const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
      const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
      const { root, files } = tree();
      const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
      const small = new FileRunner(registry, { transforms: ['consolidated-paths'], workers: 2 });
      expect((await small.run(files.slice(0, 20))).map((r: Run) => r.result?.status)).toEqual(new Array(20).fill('changed'));
      expect(started).toBe(0);
      const large = new FileRunner(registry, { transforms: ['consolidated-paths'], workers: 2 });
      expect(started).toBe(0);
      expect((await large.run(files)).map((r: Run) => r.result?.status)).toEqual(new Array(FILE_COUNT).fill('changed'));
      expect(started).toBe(2);
      // Not asked for, threads start only from 4,000 files: below, one costs more CPU than it saves time.
      const unasked = new FileRunner(registry, { transforms: ['consolidated-paths'] });
      expect((await unasked.run(files)).map((r: Run) => r.result?.status)).toEqual(new Array(FILE_COUNT).fill('changed'));
      expect(started).toBe(2);
      fs.mkdirSync(path.join(root, 'src', 'filler'));
      const fillers = Array.from({ length: 4_000 - FILE_COUNT }, (_, i) => path.join(root, 'src', 'filler', `f${i}.ts`));
      for (const [i, filler] of fillers.entries()) fs.writeFileSync(filler, `export const f${i} = ${i};\n`);
      const runs = await new FileRunner(registry, { transforms: ['consolidated-paths'] }).run([...files, ...fillers]);
      expect(runs.filter((r: Run) => r.result?.status === 'changed')).toHaveLength(FILE_COUNT);
      expect(started).toBe(2 + Math.max(1, os.availableParallelism() - 1));
    } finally {
      threads.Worker = Original;
    }
  }, 60_000);
});
