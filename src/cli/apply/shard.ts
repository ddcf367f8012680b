/** `--shard I/N`: the I-th of N deterministic shards of the file list. Apart from the plan, so the CLI can check it without loading the engine. */
import { UsageError } from '../usage-error';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `--shard I/N` as numbers (null when not given); a UsageError for anything else. */
export function parseShard(shard: string | undefined): Shard | null {
  if (shard === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${shard}: expected I/N with 1 <= I <= N, e.g. --shard 2/4`);
  }
  return { index, count };
}
