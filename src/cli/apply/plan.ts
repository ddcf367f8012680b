/**
 * The first half of `apply`: run the engine over the files and turn what it changed into a plan, a value
 * that rendering and execution both take. Everything derived from the run is computed here, once.
 */
import * as path from 'node:path';
import type { Registry } from '../../registry/types';
import type { SkipNote } from '../../runner/discover';
import { discoverAndRunEach, timedOut, type FileRun } from '../../runner/file-runner';
import { DEFAULT_FILE_TIMEOUT_MS, eachWithTimeLimit } from '../../runner/time-limit';
import { selectTransforms } from '../../transforms';
import type { TransformName } from '../../transforms';
import { checkBatchSize, planBatches, type Batch, type BatchBy } from '../../batches/plan';
import { loadCodeowners } from '../../batches/codeowners';
import { formatPatch } from '../../batches/patch';
import { repositoryRoot } from '../../vcs/git';
import { compareFindings, isFileError, type Finding } from '../../engine/results';
import { isFile } from '../../shared/fs';
import { parseShard, type Shard } from './shard';
import { LANGUAGES } from '../../languages';
import { relativeTo, UsageError } from '../session';
import type { BatchOutcome, TransformCounts } from './outcome';

export type { TransformCounts };

export interface ApplyOptions {
  cwd: string;
  config?: string;
  paths?: string[];
  dryRun: boolean;
  transforms?: string[];
  batchSize?: number;
  batchBy: BatchBy;
  /** With `batchBy: 'directory'`: group by the first N folders of each path. */
  depth?: number;
  /** Apply batch K (1-based) alone. */
  batch?: number;
  verify?: string;
  commit: boolean;
  workers?: number;
  /** Per-file time limit (default DEFAULT_FILE_TIMEOUT_MS). */
  fileTimeoutMs?: number;
  /** `I/N`: this run takes the I-th of N deterministic shards of the file list. */
  shard?: string;
  /**
   * `--format-with prettier|auto`: the declarations written are formatted by the project's own formatter
   * too (`auto`: where one is installed). One that is not installed is a UsageError before any file is read.
   */
  formatWith?: string;
  out?: string;
  outDir?: string;
  /** `--out-dir` may replace the batch files of an older plan (and only those). */
  force?: boolean;
  /**
   * Aborted (its reason: the signal's name, `SIGINT`) to stop the run: the batch in flight is rolled back
   * through its journal (at its next file, or once its verify command, which gets the signal too, has
   * returned), no batch starts after it, and the outcome says `interrupted`.
   */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  onBatch?: (outcome: BatchOutcome, total: number, transforms: TransformName[]) => void;
}

/** What a run covers, read from its options before anything is locked or read. */
export interface ApplyScope {
  transforms: TransformName[];
  shard: Shard | null;
}

/** Files changed by each transform. */
export interface PlannedChange {
  /** Absolute path. */
  file: string;
  /** Relative to the registry's folder, forward slashes: how patches, batches and reports name it. */
  relative: string;
  changedBy: TransformName[];
  /** Its git-style diff, made as its result landed. */
  diff: string;
  /**
   * What a write checks and writes. A dry run drops the texts as results land and keeps the diff alone:
   * on a large tree the texts would be most of its memory.
   */
  texts?: { before: string; after: string };
}

export interface PlannedBatch {
  batch: Batch;
  /** Its files' changes, in the batch's order. */
  changes: PlannedChange[];
  perTransform: TransformCounts;
}

export interface ApplyPlan {
  /** What it was made with. */
  options: ApplyOptions;
  /** The registry's folder. */
  root: string;
  transforms: TransformName[];
  /** Every file that changes, in the order the files were run. */
  changes: PlannedChange[];
  /** The same changes by relative path. */
  byPath: ReadonlyMap<string, PlannedChange>;
  /** The whole batch plan, numbered; `--batch K` selects one of it. */
  allBatches: Batch[];
  /** The batches this run renders or writes. */
  batches: PlannedBatch[];
  /** Over every change, selected or not. */
  perTransform: TransformCounts;
  files: { scanned: number; changed: number; failed: number; skipped: number };
  /** What needs a human, paths relative to the registry's folder. */
  findings: Finding[];
  /** Parse errors, transform bugs and timeouts: those files were left as they were. */
  errors: Finding[];
  skipped: SkipNote[];
}

export { parseShard };

/**
 * `--format-with NAME`: each language says whether it formats with NAME and, if so, whether the project
 * under `root` has it installed. A formatter no language knows, or one that is missing, is a UsageError.
 */
export function checkFormatter(root: string, formatWith: string | undefined): void {
  if (!formatWith || formatWith === 'auto') return;
  const answers = LANGUAGES.map((language) => language.formatterMissing?.(formatWith, root)).filter((a) => a !== undefined);
  if (answers.length === 0) throw new UsageError(`--format-with ${formatWith}: no language formats with it (expected prettier or auto)`);
  const missing = answers.find((a): a is string => typeof a === 'string');
  if (missing) throw new UsageError(missing);
}

/** Throws a UsageError for an unknown transform or a malformed `--shard`. */
export function scopeOf(options: ApplyOptions): ApplyScope {
  return { transforms: transformNames(options.transforms), shard: parseShard(options.shard) };
}

export async function planApply(registry: Registry, options: ApplyOptions, scope: ApplyScope): Promise<ApplyPlan> {
  const root = registry.root;
  const run = await runEngine(registry, options, scope);
  const { changes } = run;
  const byPath = new Map(changes.map((c) => [c.relative, c]));
  const allBatches = planAllBatches(root, changes, options);
  const batches = selectBatch(allBatches, options.batch).map((batch) => {
    const batchChanges = batch.files.map((f) => byPath.get(f)!);
    return { batch, changes: batchChanges, perTransform: countPerTransform(batchChanges) };
  });
  return {
    options,
    root,
    transforms: scope.transforms,
    changes,
    byPath,
    allBatches,
    batches,
    perTransform: countPerTransform(changes),
    ...reportOf(root, run),
  };
}

/** What the engine's run leaves for the plan: no file's run is kept, only what the plan reads of them. */
interface EngineRun {
  /** Files read and run through the engine, and of those the ones that failed. */
  scanned: number;
  failed: number;
  findings: Finding[];
  /** Discovery's notes, then files not read, in the order of the list. */
  skipped: SkipNote[];
  /** The changed files', in the order of the list. */
  changes: PlannedChange[];
}

async function runEngine(registry: Registry, options: ApplyOptions, scope: ApplyScope): Promise<EngineRun> {
  const { shard } = scope;
  // Each change (its diff) is made as its result lands, while workers are still parsing other files; the
  // runs are then taken in the order of the list, and dropped (100,000 of them were ~40 MB kept to the end).
  const landed = new Map<string, PlannedChange>();
  const run: EngineRun = { scanned: 0, failed: 0, findings: [], skipped: [], changes: [] };
  const unread: SkipNote[] = [];
  const { notes } = await discoverAndRunEach(registry, {
    onResults: (runs) => {
      for (const change of plannedChanges(registry.root, runs, !options.dryRun, options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS)) {
        landed.set(change.file, change);
      }
    },
    paths: options.paths,
    cwd: options.cwd,
    select: shard ? (files) => files.filter((_, i) => i % shard.count === shard.index - 1) : undefined,
    transforms: scope.transforms,
    mode: 'rewrite',
    workers: options.workers,
    fileTimeoutMs: options.fileTimeoutMs,
    formatWith: options.formatWith,
    onProgress: options.onProgress,
  }, ({ file, skip, result }) => {
    if (skip) unread.push({ file, reason: skip });
    if (result) {
      run.scanned++;
      if (result.status === 'failed') run.failed++;
      // One at a time: a file may hold more findings than a call may take arguments (200,000 `new E` in 1.2 MB).
      for (const finding of result.findings) run.findings.push(finding);
    }
    const change = landed.get(file);
    if (change) {
      run.changes.push(change);
      landed.delete(file);
    }
  });
  run.skipped = [...notes, ...unread];
  return run;
}

/** What the run says besides its changes, paths relative to the registry's folder. */
function reportOf(root: string, { scanned, failed, findings, skipped, changes }: EngineRun): Pick<ApplyPlan, 'files' | 'findings' | 'errors' | 'skipped'> {
  const found = findings.map((f) => ({ ...f, file: relativeTo(root, f.file) }));
  const notes = skipped.map((note) => ({ ...note, file: relativeTo(root, note.file) }));
  return {
    files: { scanned, changed: changes.length, failed, skipped: notes.length },
    findings: found.filter((f) => !isFileError(f.kind)).sort(compareFindings),
    errors: found.filter((f) => isFileError(f.kind)).sort(compareFindings),
    skipped: notes,
  };
}

/**
 * The changed files' diffs, each made from its edits within what is left of its time limit (a file past it
 * becomes a `timeout` failure, as it would in the worker). A group's diffs share one watchdog: a thread
 * started and joined per file cost 0.4 s of this thread's time for 1,000 changed files.
 */
function plannedChanges(root: string, runs: readonly FileRun[], keepTexts: boolean, limitMs: number): PlannedChange[] {
  const changed = runs.filter((run) => run.result?.status === 'changed' && run.before !== undefined);
  // Nothing is changed inside the limit: an item stopped half-way is made again from the start.
  const planned = eachWithTimeLimit(changed, (run) => limitMs - (run.elapsedMs ?? 0), (run) => plannedChange(root, run, keepTexts), () => null);
  changed.forEach((run, i) => {
    if (!planned[i]) run.result = timedOut(run.file, limitMs);
    // The run would otherwise hold the texts until the plan is done.
    delete run.before;
    delete run.result!.output;
    delete run.result!.edits;
  });
  return planned.filter((change): change is PlannedChange => change !== null);
}

function plannedChange(root: string, run: FileRun, keepTexts: boolean): PlannedChange {
  const relative = relativeTo(root, run.file);
  const result = run.result!;
  const texts = { before: run.before!, after: result.output! };
  const change: PlannedChange = {
    file: run.file,
    relative,
    changedBy: result.changedBy as TransformName[],
    diff: formatPatch([{ path: relative, ...texts, edits: result.edits }]),
  };
  if (keepTexts) change.texts = texts;
  return change;
}

function transformNames(names: string[] | undefined): TransformName[] {
  try {
    return selectTransforms(names).map((t) => t.name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function planAllBatches(root: string, changes: PlannedChange[], options: ApplyOptions): Batch[] {
  if (options.batchBy === 'package') {
    return planBatches(changes.map((c) => c.relative), { by: 'package', size: options.batchSize, packageOf: packageFolders(root) });
  }
  if (options.batchBy !== 'codeowners') {
    return planBatches(changes.map((c) => c.relative), { by: options.batchBy, size: options.batchSize, depth: options.depth });
  }
  // Before the CODEOWNERS lookup, so a bad size is named first whatever the grouping.
  checkBatchSize(options.batchSize);
  // CODEOWNERS patterns are relative to the repository's top, which may be above the registry's folder.
  const ownersRoot = [root, repositoryRoot(root)].find((dir) => dir && loadCodeowners(dir));
  if (!ownersRoot) {
    throw new UsageError('--batch-by codeowners: no CODEOWNERS, .github/CODEOWNERS or docs/CODEOWNERS in the registry\'s folder or at the repository\'s top');
  }
  const toRegistry = new Map(changes.map((c) => [relativeTo(ownersRoot, c.file), c.relative]));
  const batches = planBatches([...toRegistry.keys()], { by: 'codeowners', size: options.batchSize, codeowners: loadCodeowners(ownersRoot) });
  return batches.map((batch) => ({ ...batch, files: batch.files.map((f) => toRegistry.get(f)!) }));
}

/**
 * The package a file belongs to: the folder of the nearest package.json at or above it, up to the
 * registry's folder (`.` for the registry's own, or when there is none), relative to the registry's folder.
 */
function packageFolders(root: string): (file: string) => string {
  const isPackage = new Map<string, boolean>();
  const hasManifest = (dir: string): boolean => {
    let found = isPackage.get(dir);
    if (found === undefined) isPackage.set(dir, (found = isFile(path.join(root, dir, 'package.json'))));
    return found;
  };
  return (file) => {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) if (hasManifest(dir)) return dir;
    return '.';
  };
}

/** The transforms that changed something in these files, in the order they run. */
export function transformsThatChanged(transforms: TransformName[], counts: TransformCounts): TransformName[] {
  return transforms.filter((name) => (counts[name] ?? 0) > 0);
}

function selectBatch(batches: Batch[], wanted: number | undefined): Batch[] {
  if (wanted === undefined) return batches;
  const batch = batches.find((b) => b.index === wanted);
  if (!batch) throw new UsageError(`--batch ${wanted}: the plan has ${batches.length} batch${batches.length === 1 ? '' : 'es'}`);
  return [batch];
}

function countPerTransform(changes: PlannedChange[]): TransformCounts {
  const counts: TransformCounts = {};
  for (const change of changes) for (const name of change.changedBy) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
