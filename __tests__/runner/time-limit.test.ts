/**
 * The per-file time limit: a file that takes too long is reported as a `timeout` and left as it was, and
 * the run goes on with the next file — on this thread, in worker threads, and through the CLI.
 */
import * as path from 'node:path';
import { eachWithTimeLimit, withTimeLimit } from '../../src/runner/time-limit';
import { FileRunner } from '../../src/runner/file-runner';
import { loadRegistry } from '../../src/registry/load';
import { TRANSFORM_ORDER } from '../../src/transforms';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { cli } from '../helpers/cli';

afterAll(removeTempDirs);

const REGISTRY = {
  include: ['src/**/*.ts'],
  symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'OldEngine', from: 'src/old_engine' }] }],
};
const LEGACY_USE = "import { OldEngine } from './old_engine';\nexport const engine = new OldEngine();\n";
const REWRITTEN = "import { Engine } from './engine';\nexport const engine = new Engine();\n";

/** A legacy import (so the pre-filter lets it through to the parser) and then ~1.5 MB of statements. */
function hugeSource(): string {
  const lines = [LEGACY_USE];
  for (let i = 0; i < 40_000; i++) lines.push(`const v${i} = [${i}, 'text', { key: ${i} }];\n`);
  return lines.join('');
}

function project(extra: Record<string, string> = {}): string {
  const root = makeTempDir('ssot-time-limit-');
  writeFiles(root, {
    'ssot.config.json': JSON.stringify(REGISTRY),
    'src/engine.ts': 'export class Engine {}\n',
    'src/old_engine.ts': "export { Engine as OldEngine } from './engine';\n",
    'src/huge.ts': hugeSource(),
    'src/small.ts': LEGACY_USE,
    ...extra,
  });
  return root;
}

describe('withTimeLimit', () => {
  it('stops a busy loop at the limit', () => {
    const started = Date.now();
    const outcome = withTimeLimit(100, () => {
      while (Date.now() - started < 10_000) {
        // spin: nothing in here yields
      }
      return 'escaped';
    });
    expect(outcome).toEqual({ timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('returns the value of work that finishes, and lets its own errors through unchanged', () => {
    expect(withTimeLimit(1_000, () => 42)).toEqual({ value: 42 });
    const thrown = new RangeError('mine');
    expect(() => withTimeLimit(1_000, () => { throw thrown; })).toThrow(thrown);
  });

  it('can be used again after stopping something', () => {
    withTimeLimit(20, () => { for (;;) { /* spin */ } });
    expect(withTimeLimit(1_000, () => 'after')).toEqual({ value: 'after' });
  });
});

describe('eachWithTimeLimit', () => {
  const busyFor = (ms: number): void => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // spin
    }
  };

  it('times out only an item that ran the whole limit by itself, however long the items take together', () => {
    // 25 items of 20 ms: 500 ms in all, far past one 200 ms limit, yet none of them is slow.
    const items = Array.from({ length: 25 }, (_, i) => (i === 7 ? 'slow' : `quick-${i}`));
    const started: string[] = [];
    const results = eachWithTimeLimit(
      items,
      200,
      (item) => {
        started.push(item);
        busyFor(item === 'slow' ? 10_000 : 20);
        return `done ${item}`;
      },
      (item) => `timed out ${item}`,
    );
    expect(results).toEqual(items.map((item) => (item === 'slow' ? 'timed out slow' : `done ${item}`)));
    // Items cut off by a shared watchdog were started again with a limit of their own, in order.
    expect(started.filter((item) => item === 'slow')).toHaveLength(2);
    expect([...new Set(started)]).toEqual(items);
  });

  it('gives every item a fresh limit: an item started late in a call is retried, not blamed', () => {
    const calls: number[] = [];
    const results = eachWithTimeLimit([0, 1], 100, (item) => {
      calls.push(item);
      busyFor(item === 0 ? 70 : 60);
      return item;
    }, () => -1);
    expect(results).toEqual([0, 1]);
    expect(calls).toEqual([0, 1, 1]);
  });

  it('holds each item to a limit of its own when the limits differ, behind an item with a longer one', () => {
    // limits 2,000 / 100 / 2,000 ms: the middle item takes 400 ms, inside the first's limit but past its own.
    const limits = [2_000, 100, 2_000];
    const calls: number[] = [];
    const started = Date.now();
    const results = eachWithTimeLimit([0, 1, 2], (item) => limits[item], (item) => {
      calls.push(item);
      busyFor(item === 1 ? 400 : 10);
      return item;
    }, () => -1);
    expect(results).toEqual([0, -1, 2]);
    // Stopped at the least limit of the items left (100 ms), then tried alone with its own, and blamed.
    expect(calls).toEqual([0, 1, 1, 2]);
    expect(Date.now() - started).toBeLessThan(400 * 2);
  });

  it('does not blame an item stopped by a shorter limit than its own: it runs again alone, and finishes', () => {
    const limits = [300, 100];
    const calls: number[] = [];
    const results = eachWithTimeLimit([0, 1], (item) => limits[item], (item) => {
      calls.push(item);
      busyFor(item === 0 ? 200 : 10);
      return item;
    }, () => -1);
    expect(results).toEqual([0, 1]);
    expect(calls).toEqual([0, 0, 1]);
  });
});

describe('a file past the limit, in a run', () => {
  it('fails with a timeout finding naming the file, and the next file is still rewritten', async () => {
    const root = project();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const files = ['huge.ts', 'small.ts'].map((name) => path.join(root, 'src', name));
    // Warm the parser up on the small file, so that only the huge one is slow.
    await new FileRunner(registry, { transforms: TRANSFORM_ORDER, workers: 0 }).run([files[1]]);

    const runs = await new FileRunner(registry, { transforms: TRANSFORM_ORDER, workers: 0, fileTimeoutMs: 60 }).run(files);

    expect(runs.map((r) => [path.basename(r.file), r.result?.status])).toEqual([['huge.ts', 'failed'], ['small.ts', 'changed']]);
    expect(runs[0].result!.findings).toEqual([{
      file: files[0], line: 1, column: 1, kind: 'timeout',
      message: 'took longer than the per-file time limit (0.06 s, --file-timeout); it was left as it was',
    }]);
    expect(runs[0].result!.output).toBeUndefined();
    expect(runs[1].result!.output).toBe(REWRITTEN);
  });
});

describe('--file-timeout through the CLI', () => {
  it('in worker threads: the slow file is reported with its path, the others are measured, exit 1', () => {
    // Workers start at 500 files; a compiled engine runs them.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 520; i++) filler[`src/filler/f${i}.ts`] = `export const f${i} = ${i};\n`;
    const root = project(filler);
    const run = cli(root, 'check', '--format', 'json', '--workers', '1', '--file-timeout', '0.05');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'src/huge.ts', line: 1, column: 1, kind: 'timeout' })]);
    expect(run.stderr).toContain('src/huge.ts:1:1: timeout: took longer than the per-file time limit (0.05 s, --file-timeout)');
    // small.ts was parsed after the timeout and its violation counted.
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'src/small.ts' })]));
  }, 60_000);

  it('refuses a limit that is not a positive number of seconds, with exit 2', () => {
    const root = project();
    const run = cli(root, 'check', '--file-timeout', '0');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('ssot-codemod: --file-timeout must be a number of seconds above 0 (got 0)');
  });
});
