/**
 * The engine over many files: read each (or skip it with a note), run the transforms, and hand results
 * back in the order of the file list, whatever order workers finish in. With more than one worker the
 * files are spread over worker threads; each worker loads the registry itself.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Registry } from './registry-types';
import type { FileResult } from './findings';
import type { TransformName } from './transform-api';
import { readSource } from './read-source';
import { transformFile } from './pipeline';
import { selectTransforms } from './all-transforms';
import { discoverFiles, type SkipNote } from './discover';

export interface RunOptions {
  transforms: TransformName[];
  /** Measure symbol usage for `check`. */
  measureUsage?: boolean;
  /** Keep the original and rewritten text of changed files (for patches and writes). */
  keepText?: boolean;
  /** Worker threads; 1 runs in this thread. Default: the machine's cores. */
  workers?: number;
  prefilter?: boolean;
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FileRun {
  file: string;
  /** Why the file was not read (binary, too large, not UTF-8, unreadable). */
  skip?: string;
  result?: FileResult;
  /** The text it was planned from; kept for changed files when `keepText`. */
  before?: string;
}

export interface WorkerSettings {
  configPath: string;
  transforms: TransformName[];
  measureUsage: boolean;
  keepText: boolean;
  prefilter: boolean;
  maxBytes?: number;
}

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** One file, start to end: what a worker does for each path it is given. */
export function runOneFile(file: string, registry: Registry, settings: WorkerSettings): FileRun {
  const read = readSource(file, { maxBytes: settings.maxBytes });
  if ('skip' in read) return { file, skip: read.skip };
  const result = transformFile({
    path: file,
    source: read.text,
    registry,
    transforms: selectTransforms(settings.transforms),
    prefilter: settings.prefilter,
    measureUsage: settings.measureUsage,
  });
  if (result.status !== 'changed' || !settings.keepText) {
    delete result.output;
    return { file, result };
  }
  return { file, result, before: read.text };
}

/** Below this many files per worker, a thread costs more to start than it saves. */
const FILES_PER_WORKER = 200;
const CHUNK = 32;

/**
 * Runs files through the engine. Worker threads are started as soon as the runner is made, so that
 * their start-up (loading the engine and the registry) overlaps with discovering the files.
 */
export class FileRunner {
  private readonly settings: WorkerSettings;
  private readonly pool: Worker[] = [];

  constructor(private readonly registry: Registry, private readonly options: RunOptions) {
    this.settings = {
      configPath: registry.file,
      transforms: options.transforms,
      measureUsage: !!options.measureUsage,
      keepText: !!options.keepText,
      prefilter: options.prefilter !== false,
      maxBytes: options.maxBytes,
    };
    // Worker threads need the compiled engine; from TypeScript sources (tests) everything runs here.
    const count = __filename.endsWith('.js') ? options.workers ?? defaultWorkers() : 1;
    for (let i = 0; count > 1 && i < count; i++) {
      const worker = new Worker(path.join(__dirname, 'run-worker.js'), { workerData: this.settings });
      // A worker may fail while starting, before run() listens: keep the error for run() to throw.
      worker.on('error', (error) => (this.startupError ??= error));
      this.pool.push(worker);
    }
  }

  private startupError: Error | undefined;

  async run(files: string[]): Promise<FileRun[]> {
    if (this.startupError) {
      this.close();
      throw this.startupError;
    }
    const useful = Math.min(this.pool.length, Math.floor(files.length / FILES_PER_WORKER));
    if (useful < 2) {
      this.close();
      return this.runHere(files);
    }
    for (const extra of this.pool.splice(useful)) void extra.terminate();
    try {
      return await this.runInWorkers(files);
    } finally {
      this.close();
    }
  }

  close(): void {
    for (const worker of this.pool.splice(0)) void worker.terminate();
  }

  private runHere(files: string[]): FileRun[] {
    const runs: FileRun[] = [];
    for (const file of files) {
      runs.push(runOneFile(file, this.registry, this.settings));
      this.options.onProgress?.(runs.length, files.length);
    }
    return runs;
  }

  /** Files go out in small chunks to whichever worker is free; results land at their file's index. */
  private runInWorkers(files: string[]): Promise<FileRun[]> {
    const results: FileRun[] = new Array(files.length);
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve(results);
      };
      const feed = (worker: Worker): void => {
        if (next >= files.length) return;
        const start = next;
        next = Math.min(files.length, next + CHUNK);
        worker.postMessage({ start, files: files.slice(start, next) });
      };
      for (const worker of this.pool) {
        worker.on('message', (message: { start: number; runs: FileRun[] } | { error: string }) => {
          if ('error' in message) return settle(new Error(message.error));
          message.runs.forEach((run, offset) => (results[message.start + offset] = run));
          done += message.runs.length;
          this.options.onProgress?.(done, files.length);
          if (done === files.length) settle();
          else feed(worker);
        });
        worker.on('error', (error) => settle(error));
        worker.on('exit', () => settle(new Error('a worker thread stopped before every file was processed')));
        // Two chunks in flight per worker, so none waits for the main thread between chunks.
        feed(worker);
        feed(worker);
      }
    });
  }
}

/** Run files already listed. */
export async function runFiles(registry: Registry, files: string[], options: RunOptions): Promise<FileRun[]> {
  return new FileRunner(registry, options).run(files);
}

export interface DiscoverAndRunOptions extends RunOptions {
  paths?: string[];
  cwd: string;
  /** Narrows the discovered list (a shard of it). */
  select?: (files: string[]) => string[];
}

/** Discover the registry's files and run them, the workers starting while discovery goes on. */
export async function discoverAndRun(registry: Registry, options: DiscoverAndRunOptions): Promise<{ runs: FileRun[]; notes: SkipNote[] }> {
  const runner = new FileRunner(registry, options);
  try {
    const { files, notes } = discoverFiles(registry, options.paths, { cwd: options.cwd });
    const runs = await runner.run(options.select ? options.select(files) : files);
    return { runs, notes };
  } finally {
    runner.close();
  }
}
