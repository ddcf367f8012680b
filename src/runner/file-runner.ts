/**
 * The engine over many files: read each (or skip it with a note), run the transforms, and hand results
 * back in the order of the file list, whatever order workers finish in.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Registry } from '../registry/types';
import type { FileResult } from '../engine/results';
import type { Transform } from '../engine/transform';
import type { TransformName } from '../transforms';
import { readSource } from './read-source';
import { crashed, preflight, resultFor, transformFile, type RunMode } from '../engine/pipeline';
import { selectTransforms } from '../transforms';
import type { SkipNote } from './discover';
import { DEFAULT_FILE_TIMEOUT_MS, eachWithTimeLimit } from './time-limit';

export interface RunOptions {
  transforms: TransformName[];
  /**
   * `measure` (check) keeps no text; `rewrite` (apply) keeps each changed file's original and rewritten
   * text, for patches and writes. Default `rewrite`.
   */
  mode?: RunMode;
  /**
   * A CommonJS module whose `transforms` export (Transform[]) runs instead of `transforms`:
   * how a transform that is not in the table reaches the worker threads (tests inject one that throws).
   */
  transformModule?: string;
  /**
   * Worker threads that parse; 0 runs everything in this thread. Default: the machine's cores less one, for
   * a run of 4,000 files or more (given, from 500 files).
   */
  workers?: number;
  prefilter?: boolean;
  maxBytes?: number;
  /** Per-file time limit for the parse and the transforms; a file past it fails with a `timeout` finding. */
  fileTimeoutMs?: number;
  /** `--format-with`, passed on to each file's run. */
  formatWith?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called on this thread with each group of runs as it lands (a worker's chunk, a window of files run
   * here, or one file the pre-flight settled), before any of them is handed to `consume`, while workers
   * may still be busy with others: work on a group can share one time-limit watchdog.
   */
  onResults?: (runs: readonly FileRun[]) => void;
}

export interface FileRun {
  file: string;
  /** Why the file was not read (binary, too large, not UTF-8, unreadable). */
  skip?: string;
  result?: FileResult;
  /** The text it was planned from; kept for changed files in `rewrite` mode. */
  before?: string;
  /** How long its parse and transforms took, of its time limit (what is left is for the work after, on its result). */
  elapsedMs?: number;
}

export interface WorkerSettings {
  configPath: string;
  transforms: TransformName[];
  transformModule?: string;
  mode: RunMode;
  prefilter: boolean;
  maxBytes?: number;
  fileTimeoutMs: number;
  formatWith?: string;
}

/** A file read and checked on the runner's thread: its result already, or its text to parse. */
type Preflighted = { run: FileRun } | { text: string };

function readAndPreflight(file: string, registry: Registry, settings: WorkerSettings, linkFree: boolean): Preflighted {
  const read = readSource(file, { maxBytes: settings.maxBytes });
  if ('skip' in read) return { run: { file, skip: read.skip } };
  const early = preflight({ path: file, source: read.text, registry, prefilter: settings.prefilter, mode: settings.mode, linkFree });
  return early ? { run: { file, result: early } } : { text: read.text };
}

/** Parse and transform files that passed the pre-flight, each within the time limit: what a worker does with each chunk. */
export function transformTexts(items: readonly ParseItem[], registry: Registry, settings: WorkerSettings): FileRun[] {
  const transforms = transformsOf(settings);
  return eachWithTimeLimit(
    items,
    settings.fileTimeoutMs,
    ({ file, text }) => transformText(file, text, registry, transforms, settings),
    ({ file }) => ({ file, result: timedOut(file, settings.fileTimeoutMs) }),
  );
}

function transformsOf(settings: WorkerSettings): readonly Transform[] {
  if (!settings.transformModule) return selectTransforms(settings.transforms);
  return (require(settings.transformModule) as { transforms: Transform[] }).transforms;
}

export interface ParseItem {
  file: string;
  text: string;
}

/** A file to parse and its place in the run's list. */
export interface WorkItem extends ParseItem {
  index: number;
}

/** A chunk through the engine, on whichever thread: a failure that escapes is the chunk's, and each of its files says so. */
export function transformChunk(items: readonly WorkItem[], registry: Registry, settings: WorkerSettings): { index: number; run: FileRun }[] {
  let runs: FileRun[];
  try {
    runs = transformTexts(items, registry, settings);
  } catch (error) {
    runs = items.map(({ file }) => ({ file, result: crashed(file, 'the engine', error) }));
  }
  return items.map(({ index }, i) => ({ index, run: runs[i] }));
}

function transformText(file: string, text: string, registry: Registry, transforms: readonly Transform[], settings: WorkerSettings): FileRun {
  const started = performance.now();
  let result: FileResult;
  try {
    result = transformFile({ path: file, source: text, registry, transforms, prefilter: false, mode: settings.mode, formatWith: settings.formatWith });
  } catch (error) {
    // transformFile keeps a transform's exception to its file; this is the last guard, for the engine's own.
    result = crashed(file, 'the engine', error);
  }
  if (result.status !== 'changed' || settings.mode === 'measure') {
    delete result.output;
    delete result.edits;
    return { file, result };
  }
  return { file, result, before: text, elapsedMs: performance.now() - started };
}

/** The result of a file that took longer than its time limit: a `timeout` finding, the file left as it was. */
export function timedOut(file: string, ms: number): FileResult {
  const limit = `${ms / 1000} s`;
  const message = `took longer than the per-file time limit (${limit}, --file-timeout); it was left as it was`;
  return resultFor(file)('failed', [{ file, line: 1, column: 1, kind: 'timeout', message }]);
}

/** Below this many files in all, a thread costs more to start than it saves, even when asked for. */
const MIN_FILES_FOR_WORKERS = 500;
/**
 * Unless asked for (`workers`), threads start only for this many files. With one thread beside this one,
 * what a thread gains is the reading it overlaps with parsing (about 30 µs a file), less its start (about
 * 0.1 s: the engine, the registry, a cold parser). Measured on generated trees, 5% of files legacy (medians of
 * 5, CPU / wall, one worker against none): 2,000 files +16% / +7%; 3,500 +8% / 0%; 5,000 +9% / −3%;
 * 8,000 +6% / −8%; 20,000 −3% / −20%. Python, 3,000 files: +11% / +4%.
 */
const DEFAULT_MIN_FILES_FOR_WORKERS = 4_000;
/** Files read at a time on this thread when it runs them itself. */
const IN_THREAD_WINDOW = 64;
/**
 * Files to parse are sent in groups: small enough for several workers to share them evenly, large enough
 * that a group's one time-limit watchdog costs nothing (measured on 2,000 rewritten files: groups of 8
 * cost 5%, of 32 nothing measurable).
 */
const CHUNK = 32;
/** Chunks a worker may have waiting before reading pauses (256 files, as many texts in memory at most). */
const MAX_CHUNKS_AHEAD = 8;

/** Leave a core for the thread that discovers, reads and pre-filters. */
export function defaultWorkers(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

/**
 * Runs files through the engine. This thread reads every file and applies the cheap pre-flight (most files
 * end there); the files that must be parsed go to worker threads, which parse and transform them while
 * this thread reads on. Workers start only for a run of DEFAULT_MIN_FILES_FOR_WORKERS files or more (of
 * MIN_FILES_FOR_WORKERS when `workers` asks for them), as soon as discovery's walk has counted that many
 * (prestart): a smaller run never pays for loading the engine and the registry again in another thread.
 * Results come back in the order of the list.
 */
export class FileRunner {
  private readonly settings: WorkerSettings;
  private readonly pool: Worker[] = [];
  /** Discovery met no link in the tree (DiscoveredFiles.linkFree): the pre-flight, on this thread, may say more. */
  linkFree = false;

  constructor(private readonly registry: Registry, private readonly options: RunOptions) {
    this.settings = {
      configPath: registry.file,
      transforms: options.transforms,
      transformModule: options.transformModule,
      mode: options.mode ?? 'rewrite',
      prefilter: options.prefilter !== false,
      maxBytes: options.maxBytes,
      fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
      formatWith: options.formatWith,
    };
  }

  /** Worker threads need the compiled engine; from TypeScript sources (tests) everything runs here. */
  private workerCount(files: number): number {
    if (!__filename.endsWith('.js')) return 0;
    if (this.options.workers !== undefined) return files < MIN_FILES_FOR_WORKERS ? 0 : this.options.workers;
    return files < DEFAULT_MIN_FILES_FOR_WORKERS ? 0 : defaultWorkers();
  }

  /** Started only for a run large enough to gain from them: each loads the engine and the registry. */
  private startWorkers(count: number): void {
    for (let i = 0; i < count; i++) {
      // A worker that fails while starting fails the run: runWithWorkers listens before this thread yields.
      this.pool.push(new Worker(path.join(__dirname, 'worker.js'), { workerData: this.settings }));
    }
  }

  /** Every file's run, in the order of the list. */
  async run(files: string[]): Promise<FileRun[]> {
    const runs: FileRun[] = [];
    await this.runEach(files, (run) => runs.push(run));
    return runs;
  }

  /**
   * Hands each file's run to `consume` in the order of the list, as soon as the runs of the files before it
   * have landed, and keeps none: a caller that only aggregates (`check`) holds no run it is done with. Only
   * the runs that land ahead of an earlier file still being parsed wait, and reading pauses before many do.
   * `more` lists files that follow `files` (check's files outside the run): it is asked while the workers
   * parse the first chunk, so that they do not wait for it.
   */
  async runEach(files: readonly string[], consume: (run: FileRun, index: number) => void, more?: () => readonly string[]): Promise<void> {
    const list = [...files];
    let pending = more;
    /** Appends what `more` lists, the first time it is called. */
    const takeMore = (): void => {
      if (pending) list.push(...pending());
      pending = undefined;
    };
    // Too few files for threads: with those `more` lists there may be enough, so it is asked now.
    if (this.workerCount(list.length) === 0) takeMore();
    const wanted = this.workerCount(list.length);
    // Workers started on an estimate (prestart) that the list did not bear out are stopped; others join them.
    if (wanted === 0) this.close();
    else this.startWorkers(wanted - this.pool.length);
    if (this.pool.length === 0) {
      takeMore();
      return this.runHere(list, consume);
    }
    try {
      await this.runWithWorkers(list, consume, takeMore);
    } finally {
      this.close();
    }
  }

  /**
   * Starts the workers a run of about `estimate` files would have, before its list is final: discovery's
   * first count (the include globs' walk) lets them load the engine and the registry while it filters the
   * walk (20,000 files: `apply` 1.87 → 1.76 s wall, `check` 2.00 → 1.96). runEach stops them if the list
   * turns out too short, at the cost of their start (about 0.1 CPU s).
   */
  prestart(estimate: number): void {
    if (this.pool.length === 0) this.startWorkers(this.workerCount(estimate));
  }

  close(): void {
    for (const worker of this.pool.splice(0)) void worker.terminate();
  }

  /**
   * Files are read a window at a time, and the window's files to parse share one time-limit watchdog.
   * Between windows the event loop runs, so that a signal's handler (SIGINT: stop after this plan, or at
   * once the second time) is not kept waiting for the whole run.
   */
  private async runHere(files: string[], consume: (run: FileRun, index: number) => void): Promise<void> {
    let done = 0;
    for (let start = 0; start < files.length; start += IN_THREAD_WINDOW) {
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const window = files.slice(start, start + IN_THREAD_WINDOW).map((file) => ({ file, checked: readAndPreflight(file, this.registry, this.settings, this.linkFree) }));
      const toParse = window.flatMap(({ file, checked }) => ('text' in checked ? [{ file, text: checked.text }] : []));
      const parsed = transformTexts(toParse, this.registry, this.settings).values();
      const runs = window.map(({ checked }) => ('run' in checked ? checked.run : parsed.next().value!));
      this.options.onResults?.(runs);
      for (const run of runs) {
        consume(run, done++);
        this.options.onProgress?.(done, files.length);
      }
    }
  }

  /**
   * Every file that must be parsed goes to a worker as soon as it is read. Measured on a 2-core machine:
   * this thread helping to parse once it has read everything is slower (a cold parser here, and two busy
   * cores are not twice one). Reading pauses while MAX_CHUNKS_AHEAD chunks wait for their results, so
   * that texts and results never pile up in memory on a large tree.
   */
  private async runWithWorkers(files: string[], consume: (run: FileRun, index: number) => void, takeMore: () => void): Promise<void> {
    /** Runs landed ahead of an earlier file's, by their place in the list; `next` is the first not yet consumed. */
    const waiting = new Map<number, FileRun>();
    let next = 0;
    let done = 0;
    let turn = 0;
    let inFlight = 0;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const land = (items: readonly { index: number; run: FileRun }[]): void => {
      this.options.onResults?.(items.map(({ run }) => run));
      for (const { index, run } of items) {
        waiting.set(index, run);
        done++;
        this.options.onProgress?.(done, files.length);
      }
      for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
        waiting.delete(next);
        consume(ready, next++);
      }
    };
    const signal = (): void => {
      const resume = wake;
      wake = undefined;
      resume?.();
    };
    const until = (ready: () => boolean): Promise<void> | void => {
      if (failure) throw failure;
      if (ready()) return;
      return new Promise<void>((resolve) => (wake = resolve)).then(() => until(ready));
    };
    for (const worker of this.pool) {
      worker.on('message', (message: { items: { index: number; run: FileRun }[] }) => {
        try {
          land(message.items);
        } catch (error) {
          // Thrown by a caller's callback: it fails the run, as it would have on this thread's own files.
          failure ??= error as Error;
        }
        inFlight--;
        signal();
      });
      worker.on('error', (error) => {
        failure ??= error;
        signal();
      });
      worker.on('exit', () => {
        if (done < files.length) failure ??= new Error('a worker thread stopped before every file was processed');
        signal();
      });
    }
    let pending: WorkItem[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      this.pool[turn++ % this.pool.length].postMessage({ items: pending });
      inFlight++;
      pending = [];
      // A worker has a chunk to parse: what `more` lists is listed meanwhile (once).
      takeMore();
    };
    for (let index = 0; ; index++) {
      // Read to its end, the list takes what `more` lists, if it has not yet.
      if (index === files.length) takeMore();
      if (index === files.length) break;
      const file = files[index];
      const checked = readAndPreflight(file, this.registry, this.settings, this.linkFree);
      if ('run' in checked) land([{ index, run: checked.run }]);
      else {
        pending.push({ index, file, text: checked.text });
        if (pending.length === CHUNK) {
          flush();
          await until(() => inFlight < MAX_CHUNKS_AHEAD * this.pool.length);
        }
      }
    }
    flush();
    await until(() => done === files.length);
  }
}

export interface DiscoverAndRunOptions extends RunOptions {
  paths?: string[];
  cwd: string;
  /** Narrows the discovered list (a shard of it). */
  select?: (files: string[]) => string[];
  /**
   * Also run every other JS/TS file of the registry's folder (outside `include`, or the paths asked for),
   * in the same pass: their runs come back apart, as `elsewhere`, for `check` to count their imports.
   */
  elsewhere?: boolean;
  /** Discovery asks git which files it ignores (default); false: no git is started (`check`). */
  git?: boolean;
}

/** Discover the registry's files and run them, the workers starting while discovery goes on. */
export async function discoverAndRun(
  registry: Registry,
  options: DiscoverAndRunOptions,
): Promise<{ runs: FileRun[]; notes: SkipNote[]; elsewhere: FileRun[] }> {
  const runs: FileRun[] = [];
  const elsewhere: FileRun[] = [];
  const { notes } = await discoverAndRunEach(registry, options, (run, outside) => (outside ? elsewhere : runs).push(run));
  return { runs, notes, elsewhere };
}

/**
 * discoverAndRun keeping no run: each is handed to `consume` in the order of the list (the files to run,
 * then, with `elsewhere`, the others, `outside` true) and is the caller's to keep or drop.
 */
export async function discoverAndRunEach(
  registry: Registry,
  options: DiscoverAndRunOptions,
  consume: (run: FileRun, outside: boolean) => void,
): Promise<{ notes: SkipNote[] }> {
  // Loaded here, not with this module: a worker thread, which loads it for transformChunk, lists no files.
  const { discoverFiles, NothingToScanError } = require('./discover') as typeof import('./discover');
  const runner = new FileRunner(registry, options);
  try {
    const { files, notes, linkFree, listElsewhere } = discoverFiles(registry, options.paths, {
      cwd: options.cwd, elsewhere: options.elsewhere, git: options.git,
      // A run over paths given is narrowed after the walk: its estimate is no estimate.
      onListed: options.paths && options.paths.length > 0 ? undefined : (estimate) => runner.prestart(estimate),
    });
    runner.linkFree = linkFree;
    const selected = options.select ? options.select(files) : files;
    let read = 0;
    const firstSkipped: FileRun[] = [];
    await runner.runEach(selected, (run, index) => {
      const outside = index >= selected.length;
      if (!outside && !run.skip) read++;
      else if (!outside && firstSkipped.length < 3) firstSkipped.push(run);
      consume(run, outside);
    }, listElsewhere);
    // Files listed but none read (binary, too large, not UTF-8): nothing was scanned, which no run may pass off as clean.
    // A shard may rightly hold no file; the whole list is what must not be empty.
    if (!options.select && read === 0) {
      const reasons = firstSkipped.map((run) => `${path.relative(registry.root, run.file)}: ${run.skip}`);
      throw new NothingToScanError(`no file was scanned: all ${selected.length} file(s) to scan were skipped (${reasons.join('; ')}${selected.length > 3 ? '; …' : ''})`);
    }
    return { notes };
  } finally {
    runner.close();
  }
}
