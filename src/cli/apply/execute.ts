/**
 * The second half of a real `apply`: write the plan's batches one after the other, each atomically, then
 * verify it and commit it, stopping at the first batch that does not make it.
 */
import { applyBatchAtomically, type Lock } from '../../batches/journal';
import { indexLockFile, isGitRepository, uncommittedFiles } from '../../vcs/git';
import { runVerify } from '../../vcs/verify';
import { commitBatch, gitReason, recordPendingCommit } from '../../vcs/batch-commit';
import { relativeTo, UsageError } from '../session';
import type { ApplyPlan, PlannedBatch } from './plan';
import type { BatchOutcome } from './summary';

/**
 * Why a run stopped before its last batch: a verify that failed (rolled back), a batch not written (or
 * not committed), or the caller's signal (the batch in flight rolled back).
 */
export type StopReason = 'verify' | 'write' | 'interrupted';

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
    if (plan.options.signal?.aborted) return { outcomes, stoppedBy: 'interrupted' };
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

async function executeBatch(plan: ApplyPlan, planned: PlannedBatch, lock: Lock): Promise<BatchOutcome> {
  const { root, options } = plan;
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
        verify: options.verify ? () => runVerify(options.verify!, root) : undefined,
        signal: options.signal,
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
      outcome.status = 'failed';
      outcome.error = `written, but the commit failed (${gitReason(error)}): the files stay changed and uncommitted; the next \`apply --commit\` commits them first`;
    }
  }
  return outcome;
}

function commitMessage(plan: ApplyPlan, planned: PlannedBatch): string {
  const { batch, perTransform } = planned;
  const counts = plan.transforms.map((name) => `${name}: ${perTransform[name] ?? 0}`).join(', ');
  const files = `${batch.files.length} file${batch.files.length === 1 ? '' : 's'}`;
  return `ssot-codemod: batch ${batch.index}/${plan.allBatches.length} (${batch.label})\n\n` +
    `Transforms: ${plan.transforms.join(', ')}\nFiles: ${files} (${counts})\n\n` +
    batch.files.map((f) => `- ${f}`).join('\n') + '\n';
}
