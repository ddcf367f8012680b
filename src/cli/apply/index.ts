/**
 * `apply`: plan the whole migration, cut into deterministic batches; render the plan as a patch; unless
 * it is a dry run, write it batch after batch (atomically, verified, committed). Returns what happened;
 * the bin prints it and decides the exit code.
 */
import { acquireLock, type RecoveryResult } from '../../batches/journal';
import type { ClearedCommit } from '../../vcs/batch-commit';
import type { RegistryNote } from '../../registry/types';
import { openSession } from '../session';
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
  /** What the registry says that could not be checked against the code. */
  notes: RegistryNote[];
}

export async function runApply(options: ApplyOptions): Promise<ApplyOutcome> {
  // What the options alone can refuse is refused before the registry is even read.
  const scope = scopeOf(options);
  checkOutDir(options);
  const { registry, recovered, clearedCommit } = openSession(options.config, options.cwd);
  checkFormatter(registry.root, options.formatWith);
  const plan = await planApply(registry, options, scope);
  const rendered = renderPlan(plan);
  const done = (summary: ApplySummary, stoppedBy?: StopReason): ApplyOutcome =>
    ({ summary, patch: rendered.patch, ...(stoppedBy ? { stoppedBy } : {}), recovered, clearedCommit, notes: registry.notes });
  // Interrupted while planning: nothing was written, not even the patch files.
  if (options.signal?.aborted) return done(summarize(plan, [], 'interrupted'), 'interrupted');
  if (options.dryRun) {
    writePatchFiles(plan, rendered);
    const summary = summarize(plan, []);
    for (const outcome of summary.batches) options.onBatch?.(outcome, plan.allBatches.length, plan.transforms);
    return done(summary);
  }
  // Taken once there is something to write, so that a run refused while planning (a path, a glob) leaves
  // no trace; a second run started meanwhile plans too, then finds the lock and is refused.
  const lock = acquireLock(registry.root);
  try {
    writePatchFiles(plan, rendered);
    const { outcomes, stoppedBy } = await executePlan(plan);
    return done(summarize(plan, outcomes, stoppedBy), stoppedBy);
  } finally {
    lock.release();
  }
}
