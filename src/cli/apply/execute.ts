/**
 * The second half of a real `apply`: write the plan's batches one after the other, each atomically, then
 * verify it and commit it, stopping at the first batch that does not make it, or when the run is
 * interrupted (the batch under way is rolled back, as a failed verify's is).
 */
import { applyBatchAtomically, type BatchWrite } from '../../batches/journal';
import { indexLockFile, isGitRepository, uncommittedFiles } from '../../vcs/git';
import { runVerify } from '../../vcs/verify';
import { commitBatch } from '../../vcs/batch-commit';
import { relativeTo, UsageError } from '../session';
import { transformsThatChanged, type ApplyPlan, type PlannedBatch } from './plan';
import type { BatchOutcome, StopReason } from './outcome';

export type { StopReason };

export interface Execution {
  /** Of the batches executed, in order; the last one is the failure when the run stopped. */
  outcomes: BatchOutcome[];
  /** Why the run stopped before its last batch. */
  stoppedBy?: StopReason;
}

/** Thrown into the journal's hooks when the run is interrupted: the journal then rolls the batch back. */
class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * One turn of the event loop: a signal that arrived while this thread was busy (writing files, waiting for
 * a child that the same Ctrl-C killed) is heard before the run decides what to do next.
 */
const heardSignals = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function executePlan(plan: ApplyPlan): Promise<Execution> {
  if (plan.options.dryRun) throw new TypeError('executePlan: a dry-run plan keeps diffs only, no texts to write');
  if (plan.options.commit) refuseDirtyFiles(plan);
  const outcomes: BatchOutcome[] = [];
  for (const planned of plan.batches) {
    await heardSignals();
    if (plan.options.signal?.aborted) return { outcomes, stoppedBy: 'interrupted' };
    const outcome = await executeBatch(plan, planned);
    outcomes.push(outcome);
    plan.options.onBatch?.(outcome, plan.allBatches.length, plan.transforms);
    if (outcome.interrupted) return { outcomes, stoppedBy: 'interrupted' };
    if (outcome.status === 'rolled-back') return { outcomes, stoppedBy: 'verify' };
    if (outcome.status === 'failed') return { outcomes, stoppedBy: 'write' };
  }
  return { outcomes };
}

/** `--commit` makes one commit per batch, so it must not sweep a user's own edits into one. */
function refuseDirtyFiles(plan: ApplyPlan): void {
  const { root } = plan;
  if (!isGitRepository(root)) throw new UsageError('--commit: the registry\'s folder is not in a git repository');
  const lock = indexLockFile(root);
  if (lock) {
    throw new UsageError(`--commit: git's index is locked (${lock}): wait for the git command that holds it, or, if none runs (a killed commit leaves the lock behind), remove the file`);
  }
  const dirty = uncommittedFiles(root, plan.changes.map((c) => c.file));
  if (dirty.length > 0) {
    const list = dirty.map((f) => relativeTo(root, f)).join(', ');
    throw new UsageError(`--commit: these files have uncommitted changes; commit or stash them first: ${list}`);
  }
}

async function executeBatch(plan: ApplyPlan, planned: PlannedBatch): Promise<BatchOutcome> {
  const { root, options } = plan;
  const { signal } = options;
  const { batch, changes } = planned;
  const outcome: BatchOutcome = { batch, status: 'planned', perTransform: planned.perTransform };
  const label = `batch ${batch.index}/${plan.allBatches.length}: ${batch.label}`;
  const stopIfInterrupted = async (): Promise<void> => {
    await heardSignals();
    if (signal?.aborted) throw new Interrupted();
  };
  try {
    const result = await applyBatchAtomically(root, changes.map((c) => ({ path: c.file, before: c.texts!.before, after: c.texts!.after })), {
      label,
      onFileWritten: signal ? stopIfInterrupted : undefined,
      verify: options.verify
        ? async () => {
          const verified = await runVerify(options.verify!, root, signal);
          await stopIfInterrupted();
          return verified;
        }
        : undefined,
    });
    outcome.status = result.status;
    outcome.verifyOutput = result.verifyOutput;
  } catch (error) {
    if (error instanceof Interrupted) return { ...outcome, status: 'rolled-back', interrupted: true };
    outcome.status = 'failed';
    outcome.error = (error as Error).message;
  }
  if (outcome.status === 'written' && options.commit) {
    try {
      outcome.commit = await commitBatch(root, changes.map((c) => c.file), commitMessage(plan, planned));
    } catch (error) {
      await heardSignals();
      if (signal?.aborted) return undoInterruptedCommit(plan, planned, outcome);
      outcome.status = 'failed';
      outcome.error = `written, but the commit failed (the files stay changed, uncommitted): ${(error as Error).message}`;
    }
  }
  return outcome;
}

/**
 * The same Ctrl-C that stopped the run stopped its `git commit` (git cleans up its own locks when it
 * is interrupted): the batch is written and verified but not committed, and is rolled back like any batch
 * under way, atomically, from the texts it was planned with. If the commit landed after all, it stays.
 */
async function undoInterruptedCommit(plan: ApplyPlan, planned: PlannedBatch, outcome: BatchOutcome): Promise<BatchOutcome> {
  const files = planned.changes.map((c) => c.file);
  if (uncommittedFiles(plan.root, files).length === 0) return { ...outcome, interrupted: true, error: 'interrupted while committing; the commit was made' };
  const undo: BatchWrite[] = planned.changes.map((c) => ({ path: c.file, before: c.texts!.after, after: c.texts!.before }));
  try {
    await applyBatchAtomically(plan.root, undo, { label: `undo of batch ${planned.batch.index}/${plan.allBatches.length}` });
    return { ...outcome, status: 'rolled-back', interrupted: true };
  } catch (error) {
    return { ...outcome, status: 'failed', interrupted: true, error: `interrupted while committing, and the batch could not be rolled back: ${(error as Error).message}` };
  }
}

function commitMessage(plan: ApplyPlan, planned: PlannedBatch): string {
  const { batch, perTransform } = planned;
  const changedBy = transformsThatChanged(plan.transforms, perTransform);
  const counts = changedBy.map((name) => `${name}: ${perTransform[name]}`).join(', ');
  const files = `${batch.files.length} file${batch.files.length === 1 ? '' : 's'}`;
  return `ssot-codemod: batch ${batch.index}/${plan.allBatches.length} (${batch.label})\n\n` +
    `Transforms: ${changedBy.join(', ')}\nFiles: ${files} (${counts})\n\n` +
    batch.files.map((f) => `- ${f}`).join('\n') + '\n';
}
