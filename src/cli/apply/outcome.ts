/** What became of each batch of an `apply` run: what the plan, the execution and the summary all speak of. */
import type { Batch } from '../../batches/plan';
import type { TransformName } from '../../transforms';

/** Files changed by each transform. */
export type TransformCounts = Partial<Record<TransformName, number>>;

export type BatchStatus = 'planned' | 'written' | 'rolled-back' | 'failed';

export interface BatchOutcome {
  batch: Batch;
  status: BatchStatus;
  /** Files changed by each transform in this batch. */
  perTransform: TransformCounts;
  commit?: string;
  verifyOutput?: string;
  error?: string;
  /** Files changed by someone else while the batch was in flight, left as they are by its rollback. */
  kept?: string[];
  /** A signal stopped the run while this batch was under way (it was then rolled back). */
  interrupted?: boolean;
}

/**
 * Why a run stopped before its last batch: a verify that failed (rolled back), a batch not written (or not
 * committed), or a signal (the batch under way rolled back).
 */
export type StopReason = 'verify' | 'write' | 'interrupted';
