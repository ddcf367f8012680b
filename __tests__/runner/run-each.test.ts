/**
 * FileRunner.runEach, what `check` aggregates through without keeping any file's run: each run is handed
 * over once, in the order of the file list, even when worker threads finish out of order; and `check`'s
 * report is the same from worker threads as from the main thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

const DIST = path.join(REPO, 'dist', 'src');
/** The runner only starts worker threads from its compiled form, and for 500 files or more. */
const FILE_COUNT = 600;
/** In the first chunk sent to a worker: slowed down, so that the second worker's chunks land before it. */
const SLOW = 'src/f0003.ts';

afterAll(removeTempDirs);

function tree(): { root: string; files: string[]; transformModule: string } {
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/canonical', legacy: [{ name: 'Engine', from: 'src/legacy' }] }] }),
    'src/canonical.ts': 'export class Engine {}\n',
    'src/legacy.ts': "export { Engine } from './canonical';\n",
    'slow.js': `const { selectTransforms } = require(${JSON.stringify(path.join(DIST, 'transforms', 'index.js'))});
const [real] = selectTransforms(['consolidated-paths']);
exports.transforms = [{ name: 'consolidated-paths', run(ctx) {
  if (ctx.path.endsWith(${JSON.stringify(SLOW)})) { const until = Date.now() + 1500; while (Date.now() < until); }
  return real.run(ctx);
} }];
`,
  };
  const names: string[] = [];
  for (let i = 0; i < FILE_COUNT; i++) {
    const name = `src/f${String(i).padStart(4, '0')}.ts`;
    // Every third file never mentions the registry: its run lands on this thread, between the workers'.
    files[name] = i % 3 === 2 ? `export const n${i} = ${i};\n` : "import { Engine } from './legacy';\nexport const kind = Engine.name;\n";
    names.push(name);
  }
  const root = tempTree(files);
  return { root, files: names.map((n) => path.join(root, n)), transformModule: path.join(root, 'slow.js') };
}

describe('FileRunner.runEach', () => {
  it('hands over each run once, in the order of the list, though workers finish out of order', async () => {
    const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
    const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
    const { root, files, transformModule } = tree();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const landed: string[] = [];
    const consumed: { index: number; file: string; status?: string }[] = [];
    const runner = new FileRunner(registry, { transforms: ['consolidated-paths'], transformModule, workers: 2, onResults: (runs: { file: string }[]) => landed.push(...runs.map((run) => run.file)) });
    await runner.runEach(files, (run: { file: string; result?: { status: string } }, index: number) => consumed.push({ index, file: run.file, status: run.result?.status }));
    // The runs did land out of order (else this test would prove nothing)…
    expect(landed).not.toEqual(files);
    expect([...landed].sort()).toEqual(files);
    // … and were handed over in order all the same.
    expect(consumed.map((c) => c.index)).toEqual(files.map((_, i) => i));
    expect(consumed.map((c) => c.file)).toEqual(files);
    expect(consumed.map((c) => c.status)).toEqual(files.map((_, i) => (i % 3 === 2 ? 'unchanged' : 'changed')));
  }, 60_000);
});

describe('FileRunner.runEach with more files to come', () => {
  it('asks for them once a worker has a chunk to parse, and hands their runs over after the others', async () => {
    const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
    const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
    const { root, files } = tree();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const [first, later] = [files.slice(0, 500), files.slice(500)];
    for (const workers of [1, 0]) {
      const runner = new FileRunner(registry, { transforms: ['consolidated-paths'], workers });
      runner.prestart(first.length);
      let posted = 0;
      for (const worker of runner.pool) {
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (message: unknown) => (posted++, post(message));
      }
      const asked: { posted: number; consumed: number }[] = [];
      const consumed: { index: number; file: string }[] = [];
      await runner.runEach(first, (run: { file: string }, index: number) => consumed.push({ index, file: run.file }), () => {
        asked.push({ posted, consumed: consumed.length });
        return later;
      });
      // Asked once, before the first list was done: with a worker, right after its first chunk was sent.
      expect(asked).toEqual([{ posted: workers, consumed: 0 }]);
      expect(consumed.map((c) => c.file)).toEqual(files);
      expect(consumed.map((c) => c.index)).toEqual(files.map((_, i) => i));
    }
  }, 60_000);

  it('asks for them first when the list alone is too short for threads, and starts them if both together are long enough', async () => {
    const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
    const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
    const { root, files } = tree();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const runner = new FileRunner(registry, { transforms: ['consolidated-paths'], workers: 1 });
    const asked: number[] = [];
    const threads: number[] = [];
    const consumed: string[] = [];
    await runner.runEach(files.slice(0, 100), (run: { file: string }) => {
      if (consumed.length === 0) threads.push(runner.pool.length);
      consumed.push(run.file);
    }, () => (asked.push(runner.pool.length), files.slice(100)));
    // 100 files start no thread, 600 do: asked before any was started, and the 600 ran on one.
    expect(asked).toEqual([0]);
    expect(threads).toEqual([1]);
    expect(consumed).toEqual(files);
  }, 60_000);
});

describe('FileRunner.prestart', () => {
  it('starts the workers an estimate calls for; runEach keeps them for a list as long, stops them for a shorter one', async () => {
    const { FileRunner } = require(path.join(DIST, 'runner', 'file-runner.js'));
    const { loadRegistry } = require(path.join(DIST, 'registry', 'load.js'));
    const { root, files } = tree();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const statuses = async (list: string[], estimate: number): Promise<{ started: unknown[]; kept: number; statuses: string[] }> => {
      const runner = new FileRunner(registry, { transforms: ['consolidated-paths'], workers: 2 });
      runner.prestart(estimate);
      const started = [...runner.pool];
      let kept = -1;
      const seen: string[] = [];
      await runner.runEach(list, (run: { result?: { status: string } }) => {
        if (kept < 0) kept = runner.pool.length;
        seen.push(run.result!.status);
      });
      return { started, kept, statuses: seen };
    };
    const expected = (n: number) => files.slice(0, n).map((_, i) => (i % 3 === 2 ? 'unchanged' : 'changed'));
    // An estimate of 600 files starts two workers; the 600 files then run on those two, none started anew.
    const long = await statuses(files, 600);
    expect(long.started).toHaveLength(2);
    expect(long.kept).toBe(2);
    expect(long.statuses).toEqual(expected(600));
    // The same estimate, but 100 files listed: the workers are stopped and the files run on this thread.
    const short = await statuses(files.slice(0, 100), 600);
    expect(short.started).toHaveLength(2);
    expect(short.kept).toBe(0);
    expect(short.statuses).toEqual(expected(100));
    // An estimate below the workers' threshold starts none.
    expect((await statuses(files.slice(0, 100), 100)).started).toHaveLength(0);
  }, 60_000);
});

describe('FileRunner.runEach on this thread', () => {
  it('lets the event loop run between windows of files, so that a signal handler is not kept waiting', async () => {
    const { FileRunner } = require('../../src/runner/file-runner');
    const { loadRegistry } = require('../../src/registry/load');
    const { root, files } = tree();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    let ticked = false;
    setImmediate(() => (ticked = true));
    const seen: boolean[] = [];
    await new FileRunner(registry, { transforms: ['consolidated-paths'], workers: 0 }).runEach(files.slice(0, 200), () => seen.push(ticked));
    expect(seen).toHaveLength(200);
    // The first window (64 files) runs before the loop turns; the last one after.
    expect(seen[0]).toBe(false);
    expect(seen[199]).toBe(true);
  });
});

describe('check', () => {
  it('reports the same from worker threads as from the main thread', async () => {
    const { runCheck } = require(path.join(DIST, 'cli', 'check.js'));
    const { root } = tree();
    const outputs = [];
    for (const workers of [0, 2]) {
      for (const format of ['json', 'text', 'markdown', 'sarif']) {
        outputs.push((await runCheck({ cwd: root, format, color: false, toolVersion: '0.0.0', workers })).output);
      }
    }
    // The registry's two modules and slow.js are scanned too (neither measured nor changed).
    expect(JSON.parse(outputs[0]).files).toEqual({ scanned: FILE_COUNT + 3, measured: 400, changed: 400, failed: 0, skipped: 0 });
    expect(JSON.parse(outputs[0]).total).toBe(400);
    expect(outputs.slice(4)).toEqual(outputs.slice(0, 4));
  }, 120_000);

  it('counts the importers outside the files it checks (listed while the workers parse) as it does on one thread', async () => {
    const { runCheck } = require(path.join(DIST, 'cli', 'check.js'));
    const { root } = tree();
    const config = JSON.parse(fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8'));
    fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ ...config, include: ['src/**/*.ts'] }));
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.writeFileSync(path.join(root, 'scripts', 'seed.ts'), "import { Engine } from '../src/legacy';\nnew Engine();\n");
    const reports = [];
    for (const workers of [0, 2]) reports.push(JSON.parse((await runCheck({ cwd: root, format: 'json', color: false, toolVersion: '0.0.0', workers })).output));
    const legacy = reports.map((report) => report.legacyModules.find((m: { module: string }) => m.module === 'src/legacy'));
    expect(legacy[0].unchecked).toEqual(['scripts/seed.ts']);
    expect(legacy[0].importers).toBe(401);
    expect(reports[1]).toEqual(reports[0]);
  }, 120_000);
});
