/**
 * `apply`: plan the whole migration, cut into deterministic batches; render the plan as a patch; unless
 * it is a dry run, write it batch after batch (atomically, verified, committed). Returns what happened;
 * the bin prints it and decides the exit code.
 */
import { acquireLock, type RecoveryResult } from '../../batches/journal';
import type { ClearedCommit } from '../../vcs/batch-commit';
import { openSession } from '../session';
import { planApply, scopeOf, type ApplyOptions } from './plan';
import { renderPlan, writePatchFiles } from './render';
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
}

export async function runApply(options: ApplyOptions): Promise<ApplyOutcome> {
  const { registry, recovered, clearedCommit } = openSession(options.config, options.cwd);
  const scope = scopeOf(options);
  const lock = options.dryRun ? null : acquireLock(registry.root);
  try {
    const plan = await planApply(registry, options, scope);
    const rendered = renderPlan(plan);
    writePatchFiles(plan, rendered);
    if (options.dryRun) {
      const summary = summarize(plan, []);
      for (const outcome of summary.batches) options.onBatch?.(outcome, plan.allBatches.length, plan.transforms);
      return { summary, patch: rendered.patch, recovered, clearedCommit };
    }
    const { outcomes, stoppedBy } = await executePlan(plan);
    return { summary: summarize(plan, outcomes), patch: rendered.patch, stoppedBy, recovered, clearedCommit };
  } finally {
    lock?.release();
  }
}
