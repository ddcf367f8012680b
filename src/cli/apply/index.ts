/**
 * `apply`: plan the whole migration, cut it into deterministic batches, then either render each batch as
 * a patch (`--dry-run`) or write it atomically, verify it and commit it, batch after batch. Returns what
 * happened; the bin prints it and decides the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkipNote } from '../../runner/discover';
import { discoverAndRun, type FileRun } from '../../runner/file-runner';
import { selectTransforms } from '../../transforms';
import type { TransformName } from '../../transforms/definition';
import { checkBatchSize, planBatches, type Batch, type BatchBy } from '../../batches/plan';
import { loadCodeowners } from '../../batches/codeowners';
import { batchComment, formatPatch } from '../../batches/patch';
import { acquireLock, applyBatchAtomically, type Lock, type RecoveryResult } from '../../batches/journal';
import { indexLockFile, isGitRepository, repositoryRoot, runVerify, uncommittedFiles } from '../../vcs/git';
import { isFileError, type Finding } from '../../engine/results';
import { commitBatch, type ClearedCommit } from '../../vcs/batch-commit';
import { openSession, relativeTo, UsageError } from '../session';

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
}

export type BatchStatus = 'planned' | 'written' | 'rolled-back' | 'failed';

export interface BatchOutcome {
  batch: Batch;
  status: BatchStatus;
  /** Files changed by each transform in this batch. */
  perTransform: Partial<Record<TransformName, number>>;
  commit?: string;
  verifyOutput?: string;
  error?: string;
}

export interface ApplySummary {
  dryRun: boolean;
  transforms: TransformName[];
  files: { scanned: number; changed: number; failed: number; skipped: number };
  perTransform: Partial<Record<TransformName, number>>;
  /** What needs a human, paths relative to the registry's folder. */
  findings: Finding[];
  /** Parse errors and transform bugs: those files were left as they were. */
  errors: Finding[];
  skipped: SkipNote[];
  batches: BatchOutcome[];
  /** Batches in the whole plan (`--batch K` runs one of them). */
  plannedBatches: number;
}

export interface ApplyOutcome {
  summary: ApplySummary;
  /** The patch of every planned batch, batch comments included. */
  patch: string;
  /** Why the run stopped before its last batch. */
  stoppedBy?: 'verify' | 'write';
  recovered: RecoveryResult | null;
  clearedCommit: ClearedCommit | null;
}

interface PlannedChange {
  file: string;
  relative: string;
  /** The texts; only a real apply keeps them (a dry run keeps the diff instead). */
  before?: string;
  after?: string;
  changedBy: TransformName[];
}

export async function runApply(options: ApplyOptions): Promise<ApplyOutcome> {
  const { registry, recovered, clearedCommit } = openSession(options.config, options.cwd);
  const root = registry.root;
  const transforms = transformNames(options.transforms);
  const shard = parseShard(options.shard);
  const lock: Lock | null = options.dryRun ? null : acquireLock(root);
  // Each changed file's diff is made as its result lands, while workers are still parsing other files.
  const diffs = new Map<string, string>();
  const diffOf = (run: FileRun): void => {
    if (run.result?.status !== 'changed' || run.before === undefined) return;
    const relative = relativeTo(root, run.file);
    diffs.set(relative, formatPatch([{ path: relative, before: run.before, after: run.result.output! }]));
    // A dry run needs nothing but the diff: on a large tree, the texts would be most of its memory.
    if (options.dryRun) {
      delete run.before;
      delete run.result.output;
    }
  };
  try {
    const { runs, notes } = await discoverAndRun(registry, {
      onResult: diffOf,
      paths: options.paths,
      cwd: options.cwd,
      select: shard ? (files) => files.filter((_, i) => i % shard.count === shard.index - 1) : undefined,
      transforms,
      keepText: true,
      workers: options.workers,
      fileTimeoutMs: options.fileTimeoutMs,
      onProgress: options.onProgress,
    });
    const changes = plannedChanges(root, runs);
    const plan = planAllBatches(root, changes, options);
    const batches = selectBatch(plan, options.batch);
    const summary = summarize(root, options.dryRun, transforms, runs, notes, changes, batches, plan.length);
    const byPath = new Map(changes.map((c) => [c.relative, c]));
    const patch = batches.map((b) => batchPatch(b, diffs, transforms)).join('');
    writePatchFiles(options, batches, diffs, transforms, summary, patch);
    if (options.dryRun) {
      for (const outcome of summary.batches) options.onBatch?.(outcome, plan.length, transforms);
      return { summary, patch, recovered, clearedCommit };
    }
    if (options.commit) refuseDirtyFiles(root, changes);
    const stoppedBy = await writeBatches(root, summary.batches, plan.length, byPath, transforms, options);
    return { summary, patch, stoppedBy, recovered, clearedCommit };
  } finally {
    lock?.release();
  }
}

function transformNames(names: string[] | undefined): TransformName[] {
  try {
    return selectTransforms(names).map((t) => t.name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseShard(shard: string | undefined): { index: number; count: number } | null {
  if (shard === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${shard}: expected I/N with 1 <= I <= N, e.g. --shard 2/4`);
  }
  return { index, count };
}

function plannedChanges(root: string, runs: FileRun[]): PlannedChange[] {
  return runs
    .filter((run) => run.result?.status === 'changed')
    .map((run) => ({
      file: run.file,
      relative: relativeTo(root, run.file),
      before: run.before,
      after: run.result!.output,
      changedBy: run.result!.changedBy as TransformName[],
    }));
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

function countPerTransform(changes: PlannedChange[]): Partial<Record<TransformName, number>> {
  const counts: Partial<Record<TransformName, number>> = {};
  for (const change of changes) for (const name of change.changedBy) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

function summarize(
  root: string, dryRun: boolean, transforms: TransformName[], runs: FileRun[], notes: SkipNote[],
  changes: PlannedChange[], batches: Batch[], plannedBatches: number,
): ApplySummary {
  const results = runs.flatMap((run) => (run.result ? [run.result] : []));
  const relative = (f: Finding): Finding => ({ ...f, file: relativeTo(root, f.file) });
  const all = results.flatMap((r) => r.findings).map(relative);
  const byPath = new Map(changes.map((c) => [c.relative, c]));
  return {
    dryRun,
    transforms,
    files: {
      scanned: results.length,
      changed: changes.length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: notes.length + runs.filter((r) => r.skip).length,
    },
    perTransform: countPerTransform(changes),
    findings: all.filter((f) => !isFileError(f.kind)),
    errors: all.filter((f) => isFileError(f.kind)),
    skipped: [...notes, ...runs.filter((r) => r.skip).map((r) => ({ file: r.file, reason: r.skip! }))]
      .map((note) => ({ ...note, file: relativeTo(root, note.file) })),
    batches: batches.map((batch) => ({
      batch,
      status: 'planned',
      perTransform: countPerTransform(batch.files.map((f) => byPath.get(f)!)),
    })),
    plannedBatches,
  };
}

function batchPatch(batch: Batch, diffs: Map<string, string>, transforms: TransformName[]): string {
  return batchComment(batch, transforms.join(', ')) + batch.files.map((f) => diffs.get(f)!).join('');
}

function writePatchFiles(
  options: ApplyOptions, batches: Batch[], diffs: Map<string, string>, transforms: TransformName[],
  summary: ApplySummary, patch: string,
): void {
  if (options.out) fs.writeFileSync(path.resolve(options.cwd, options.out), patch);
  if (!options.outDir) return;
  const dir = path.resolve(options.cwd, options.outDir);
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, batch] of batches.entries()) {
    const name = `batch-${String(batch.index).padStart(3, '0')}`;
    fs.writeFileSync(path.join(dir, `${name}.patch`), batchPatch(batch, diffs, transforms));
    const files = new Set(batch.files);
    const batchSummary = {
      batch: summary.batches[i],
      findings: summary.findings.filter((f) => files.has(f.file)),
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(batchSummary, null, 2) + '\n');
  }
}

/** `--commit` makes one commit per batch, so it must not sweep a user's own edits into one. */
function refuseDirtyFiles(root: string, changes: PlannedChange[]): void {
  if (!isGitRepository(root)) throw new UsageError('--commit: the registry\'s folder is not in a git repository');
  const lock = indexLockFile(root);
  if (lock) {
    throw new UsageError(`--commit: git's index is locked (${lock}): wait for the git command that holds it, or, if none runs (a killed commit leaves the lock behind), remove the file`);
  }
  const dirty = uncommittedFiles(root, changes.map((c) => c.file));
  if (dirty.length > 0) {
    const list = dirty.map((f) => relativeTo(root, f)).join(', ');
    throw new UsageError(`--commit: these files have uncommitted changes; commit or stash them first: ${list}`);
  }
}

async function writeBatches(
  root: string, outcomes: BatchOutcome[], planned: number, byPath: Map<string, PlannedChange>, transforms: TransformName[],
  options: ApplyOptions,
): Promise<ApplyOutcome['stoppedBy']> {
  for (const outcome of outcomes) {
    const { batch } = outcome;
    const changes = batch.files.map((f) => byPath.get(f)!);
    const label = `batch ${batch.index}/${planned}: ${batch.label}`;
    try {
      const result = await applyBatchAtomically(
        root,
        changes.map((c) => ({ path: c.file, before: c.before!, after: c.after! })),
        { label, verify: options.verify ? () => runVerify(options.verify!, root) : undefined },
      );
      outcome.status = result.status;
      outcome.verifyOutput = result.verifyOutput;
    } catch (error) {
      outcome.status = 'failed';
      outcome.error = (error as Error).message;
    }
    if (outcome.status === 'written' && options.commit) {
      try {
        outcome.commit = await commitBatch(root, changes.map((c) => c.file), commitMessage(outcome, planned, transforms));
      } catch (error) {
        outcome.status = 'failed';
        outcome.error = `written, but the commit failed (the files stay changed, uncommitted): ${(error as Error).message}`;
      }
    }
    options.onBatch?.(outcome, planned, transforms);
    if (outcome.status === 'rolled-back') return 'verify';
    if (outcome.status === 'failed') return 'write';
  }
  return undefined;
}

function commitMessage(outcome: BatchOutcome, total: number, transforms: TransformName[]): string {
  const { batch, perTransform } = outcome;
  const counts = transforms.map((name) => `${name}: ${perTransform[name] ?? 0}`).join(', ');
  const files = `${batch.files.length} file${batch.files.length === 1 ? '' : 's'}`;
  return `ssot-codemod: batch ${batch.index}/${total} (${batch.label})\n\n` +
    `Transforms: ${transforms.join(', ')}\nFiles: ${files} (${counts})\n\n` +
    batch.files.map((f) => `- ${f}`).join('\n') + '\n';
}
