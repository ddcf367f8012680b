/**
 * The second half of a real `apply`: write the plan's batches one after the other, each atomically, then
 * verify it and commit it, stopping at the first batch that does not make it, or when the run is
 * interrupted (the batch under way is rolled back, as a failed verify's is).
 */
import { applyBatchAtomically, type BatchWrite, type Lock } from '../../batches/journal';
import { indexLockFile, isGitRepository, uncommittedFiles } from '../../vcs/git';
import { runVerify } from '../../vcs/verify';
import { commitBatch, gitReason, recordPendingCommit, settleInterruptedCommit } from '../../vcs/batch-commit';
import { abortHeard } from '../../shared/abort';
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

export async function executePlan(plan: ApplyPlan, lock: Lock): Promise<Execution> {
  if (plan.options.dryRun) throw new TypeError('executePlan: a dry-run plan keeps diffs only, no texts to write');
  if (plan.options.commit) refuseDirtyFiles(plan);
  const outcomes: BatchOutcome[] = [];
  for (const planned of plan.batches) {
    if (await abortHeard(plan.options.signal)) return { outcomes, stoppedBy: 'interrupted' };
    const outcome = await executeBatch(plan, planned, lock);
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

/**
 * Writes, verifies and commits one batch. The run's signal reaches each step: the journal stops at its next
 * file or once verify returns and rolls the batch back, verify's command gets the signal, and a commit that
 * the same Ctrl-C stopped is undone.
 */
async function executeBatch(plan: ApplyPlan, planned: PlannedBatch, lock: Lock): Promise<BatchOutcome> {
  const { root, options } = plan;
  const { signal } = options;
  const { batch, changes } = planned;
  const outcome: BatchOutcome = { batch, status: 'planned', perTransform: planned.perTransform };
  const label = `batch ${batch.index}/${plan.allBatches.length}: ${batch.label}`;
  const files = changes.map((c) => c.file);
  const message = commitMessage(plan, planned);
  try {
    const result = await applyBatchAtomically(
      lock,
      changes.map((c) => ({ path: c.file, before: c.texts!.before, after: c.texts!.after })),
      {
        root,
        label,
        verify: options.verify ? () => runVerify(options.verify!, root, signal) : undefined,
        signal,
        onDone: options.commit ? () => recordPendingCommit(lock, files, message, label) : undefined,
      },
    );
    outcome.status = result.status;
    outcome.verifyOutput = result.verifyOutput;
    if (result.kept) outcome.kept = result.kept;
    if (result.interrupted) outcome.interrupted = true;
  } catch (error) {
    outcome.status = 'failed';
    outcome.error = (error as Error).message;
  }
  if (outcome.status === 'written' && options.commit) {
    try {
      outcome.commit = await commitBatch(lock, files, message);
    } catch (error) {
      if (await abortHeard(signal)) return undoInterruptedCommit(plan, planned, outcome, lock);
      outcome.status = 'failed';
      outcome.error = `written, but the commit failed (${gitReason(error)}): the files stay changed and uncommitted; the next \`apply --commit\` commits them first`;
    }
  }
  return outcome;
}

/**
 * The same Ctrl-C that stopped the run stopped its `git commit` (git cleans up its own locks when it
 * is interrupted): the batch is written and verified but not committed, and is rolled back like any batch
 * under way, atomically, from the texts it was planned with; it is then no longer pending. If the commit
 * landed after all, it stays. A file changed since (a formatting hook's work) stops the rollback, and the
 * batch stays pending for the next `apply --commit`.
 */
async function undoInterruptedCommit(plan: ApplyPlan, planned: PlannedBatch, outcome: BatchOutcome, lock: Lock): Promise<BatchOutcome> {
  const files = planned.changes.map((c) => c.file);
  if (uncommittedFiles(plan.root, files).length === 0) return { ...outcome, interrupted: true, error: 'interrupted while committing; the commit was made' };
  const undo: BatchWrite[] = planned.changes.map((c) => ({ path: c.file, before: c.texts!.after, after: c.texts!.before }));
  try {
    await applyBatchAtomically(lock, undo, { root: plan.root, label: `undo of batch ${planned.batch.index}/${plan.allBatches.length}` });
    // Its files hold HEAD's content again: settling drops the pending record.
    settleInterruptedCommit(lock);
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
