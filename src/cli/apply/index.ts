/**
 * `apply`: plan the whole migration, cut into deterministic batches; render the plan as a patch; unless
 * it is a dry run, write it batch after batch (atomically, verified, committed). Returns what happened;
 * the bin prints it and decides the exit code.
 */
import * as path from 'node:path';
import type { RecoveryResult } from '../../batches/journal';
import { commitPendingBatch, type ClearedCommit, type PendingCommit } from '../../vcs/batch-commit';
import type { RegistryNote } from '../../registry/types';
import { openSession, registryPath, type InterruptedState } from '../session';
import { checkFormatter, planApply, scopeOf, type ApplyOptions } from './plan';
import { checkOutDir, renderPlan, writePatchFiles } from './render';
import { executePlan, type StopReason } from './execute';
import { summarize, type ApplySummary } from './summary';

export type { ApplyOptions } from './plan';
export type { StopReason } from './execute';

export interface ApplyOutcome {
  summary: ApplySummary;
  /** The patch of every planned batch, batch comments included. */
  patch: string;
  stoppedBy?: StopReason;
  recovered: RecoveryResult | null;
  clearedCommit: ClearedCommit | null;
  /** A batch an earlier run wrote but did not commit, committed first by this `--commit` run. */
  committedPending: { commit: string; pending: PendingCommit } | null;
  /** A batch an earlier run wrote but did not commit, still so (this run has no `--commit`). */
  pendingCommit: PendingCommit | null;
  /** A dry run changes nothing: what an interrupted run left is only reported. */
  interrupted: InterruptedState | null;
  /** What the registry says that could not be checked against the code. */
  notes: RegistryNote[];
}

export async function runApply(options: ApplyOptions): Promise<ApplyOutcome> {
  // What the options alone can refuse is refused before the registry is even read.
  const scope = scopeOf(options);
  checkOutDir(options);
  // Before the lock: outside git its folder is made in the tree, and a run refused here leaves nothing.
  checkFormatter(path.dirname(registryPath(options.config, options.cwd)), options.formatWith);
  // A real run takes the tree's lock first and holds it to its end: what an interrupted run left is
  // recovered before a source file is read, and no recover can undo this run's batches beside it.
  const session = openSession(options.config, options.cwd, { write: !options.dryRun });
  const { registry, recovered, clearedCommit, interrupted } = session;
  try {
    // A batch left written but uncommitted is committed before anything else, or the run stops and names it.
    const committedPending = !options.dryRun && options.commit ? await commitPendingBatch(session.lock!) : null;
    const pendingCommit = committedPending ? null : session.pendingCommit;
    const plan = await planApply(registry, options, scope);
    const rendered = renderPlan(plan);
    const done = (summary: ApplySummary, stoppedBy?: StopReason): ApplyOutcome => ({
      summary, patch: rendered.patch, ...(stoppedBy ? { stoppedBy } : {}),
      recovered, clearedCommit, committedPending, pendingCommit, interrupted, notes: registry.notes,
    });
    // Interrupted while planning: nothing was written, not even the patch files.
    if (options.signal?.aborted) return done(summarize(plan, [], 'interrupted'), 'interrupted');
    writePatchFiles(plan, rendered);
    if (options.dryRun) {
      const summary = summarize(plan, []);
      for (const outcome of summary.batches) options.onBatch?.(outcome, plan.allBatches.length, plan.transforms);
      return done(summary);
    }
    const { outcomes, stoppedBy } = await executePlan(plan, session.lock!);
    return done(summarize(plan, outcomes, stoppedBy), stoppedBy);
  } finally {
    session.close();
  }
}
