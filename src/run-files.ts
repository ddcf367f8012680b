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

export async function runFiles(registry: Registry, files: string[], options: RunOptions): Promise<FileRun[]> {
  const settings: WorkerSettings = {
    configPath: registry.file,
    transforms: options.transforms,
    measureUsage: !!options.measureUsage,
    keepText: !!options.keepText,
    prefilter: options.prefilter !== false,
    maxBytes: options.maxBytes,
  };
  const workers = Math.min(options.workers ?? defaultWorkers(), Math.ceil(files.length / 50) || 1);
  // Worker threads need the compiled engine; from TypeScript sources (tests) everything runs here.
  if (workers <= 1 || !__filename.endsWith('.js')) {
    const runs: FileRun[] = [];
    for (const file of files) {
      runs.push(runOneFile(file, registry, settings));
      options.onProgress?.(runs.length, files.length);
    }
    return runs;
  }
  return runInWorkers(files, settings, workers, options.onProgress);
}

/** Files go out in small chunks to whichever worker is free; results land at their file's index. */
function runInWorkers(files: string[], settings: WorkerSettings, count: number, onProgress?: RunOptions['onProgress']): Promise<FileRun[]> {
  const CHUNK = 32;
  const results: FileRun[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (error?: Error): void => {
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      if (next >= files.length) {
        void worker.terminate();
        return;
      }
      const start = next;
      next = Math.min(files.length, next + CHUNK);
      worker.postMessage({ start, files: files.slice(start, next) });
    };
    let live = count;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(path.join(__dirname, 'run-worker.js'), { workerData: settings });
      pool.push(worker);
      worker.on('message', (message: { start: number; runs: FileRun[] } | { error: string }) => {
        if ('error' in message) return finish(new Error(message.error));
        message.runs.forEach((run, offset) => (results[message.start + offset] = run));
        done += message.runs.length;
        onProgress?.(done, files.length);
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', () => {
        live--;
        if (live === 0 && done < files.length) finish(new Error('worker threads stopped before every file was processed'));
      });
      feed(worker);
    }
  });
}
