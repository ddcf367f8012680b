/**
 * The first half of `apply`: run the engine over the files and turn what it changed into a plan, a value
 * that rendering and execution both take. Everything derived from the run is computed here, once.
 */
import type { Registry } from '../../registry/types';
import type { SkipNote } from '../../runner/discover';
import { discoverAndRun, timedOut, type FileRun } from '../../runner/file-runner';
import { DEFAULT_FILE_TIMEOUT_MS, withTimeLimit } from '../../runner/time-limit';
import { selectTransforms } from '../../transforms';
import type { TransformName } from '../../transforms';
import { checkBatchSize, planBatches, type Batch, type BatchBy } from '../../batches/plan';
import { loadCodeowners } from '../../batches/codeowners';
import { formatPatch } from '../../batches/patch';
import { repositoryRoot } from '../../vcs/git';
import { isFileError, type Finding } from '../../engine/results';
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
  /** Apply batch K (1-based) alone. */
  batch?: number;
  verify?: string;
  commit: boolean;
  workers?: number;
  /** Per-file time limit (default DEFAULT_FILE_TIMEOUT_MS). */
  fileTimeoutMs?: number;
  /** `I/N`: this run takes the I-th of N deterministic shards of the file list. */
  shard?: string;
  out?: string;
  outDir?: string;
  onProgress?: (done: number, total: number) => void;
  onBatch?: (outcome: BatchOutcome, total: number, transforms: TransformName[]) => void;
  /**
   * Aborting it stops the run: the batch in flight is rolled back through its journal (at the next file,
   * or once its verify command has returned), no further batch starts, and the outcome says `interrupted`.
   */
  signal?: AbortSignal;
}

/** What a run covers, read from its options before anything is locked or read. */
export interface ApplyScope {
  transforms: TransformName[];
  shard: { index: number; count: number } | null;
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

interface EngineRun {
  runs: FileRun[];
  notes: SkipNote[];
  /** The changed files', in the order of `runs`. */
  changes: PlannedChange[];
}

async function runEngine(registry: Registry, options: ApplyOptions, scope: ApplyScope): Promise<EngineRun> {
  const { shard } = scope;
  // Each change (its diff) is made as its result lands, while workers are still parsing other files.
  const landed = new Map<string, PlannedChange>();
  const { runs, notes } = await discoverAndRun(registry, {
    onResult: (run) => {
      const change = plannedChange(registry.root, run, !options.dryRun, options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS);
      if (change) landed.set(run.file, change);
    },
    paths: options.paths,
    cwd: options.cwd,
    select: shard ? (files) => files.filter((_, i) => i % shard.count === shard.index - 1) : undefined,
    transforms: scope.transforms,
    mode: 'rewrite',
    workers: options.workers,
    fileTimeoutMs: options.fileTimeoutMs,
    onProgress: options.onProgress,
  });
  return { runs, notes, changes: runs.flatMap((run) => landed.get(run.file) ?? []) };
}

/** What the run says besides its changes, paths relative to the registry's folder. */
function reportOf(root: string, { runs, notes, changes }: EngineRun): Pick<ApplyPlan, 'files' | 'findings' | 'errors' | 'skipped'> {
  const results = runs.flatMap((run) => (run.result ? [run.result] : []));
  const found = results.flatMap((r) => r.findings).map((f) => ({ ...f, file: relativeTo(root, f.file) }));
  const skipped = [...notes, ...runs.filter((r) => r.skip).map((r) => ({ file: r.file, reason: r.skip! }))]
    .map((note) => ({ ...note, file: relativeTo(root, note.file) }));
  return {
    files: {
      scanned: results.length,
      changed: changes.length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: skipped.length,
    },
    findings: found.filter((f) => !isFileError(f.kind)),
    errors: found.filter((f) => isFileError(f.kind)),
    skipped,
  };
}

/**
 * A changed file's diff, made from its edits within what is left of its time limit (a file past it becomes a
 * `timeout` failure, as it would in the worker).
 */
function plannedChange(root: string, run: FileRun, keepTexts: boolean, limitMs: number): PlannedChange | null {
  if (run.result?.status !== 'changed' || run.before === undefined) return null;
  const relative = relativeTo(root, run.file);
  const texts = { before: run.before, after: run.result.output! };
  const { edits } = run.result;
  const diff = withTimeLimit(limitMs - (run.elapsedMs ?? 0), () => formatPatch([{ path: relative, ...texts, edits }]));
  if ('timedOut' in diff) {
    run.result = timedOut(run.file, limitMs);
    delete run.before;
    return null;
  }
  const change: PlannedChange = {
    file: run.file,
    relative,
    changedBy: run.result.changedBy as TransformName[],
    diff: diff.value,
  };
  if (keepTexts) change.texts = texts;
  // The run would otherwise hold the texts until the plan is done.
  delete run.before;
  delete run.result.output;
  delete run.result.edits;
  return change;
}

function transformNames(names: string[] | undefined): TransformName[] {
  try {
    return selectTransforms(names).map((t) => t.name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseShard(shard: string | undefined): ApplyScope['shard'] {
  if (shard === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${shard}: expected I/N with 1 <= I <= N, e.g. --shard 2/4`);
  }
  return { index, count };
}

function planAllBatches(root: string, changes: PlannedChange[], options: ApplyOptions): Batch[] {
  if (options.batchBy !== 'codeowners') {
    return planBatches(changes.map((c) => c.relative), { by: options.batchBy, size: options.batchSize });
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
