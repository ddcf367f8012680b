/**
 * A time limit on synchronous work. A file that makes the parser or a transform spin must cost its own
 * result, not the run. JavaScript cannot interrupt a busy function from the outside; V8 can, and Node
 * exposes that only through `vm`'s `timeout`, which stops whatever runs inside the call, our own functions
 * included, on the main thread as in workers. Each such call starts and joins a watchdog thread: about
 * 50 µs on an idle machine, but 0.5 ms when every core is busy parsing (measured: +25% on 2,000 rewritten
 * files guarded one by one), hence eachWithTimeLimit, which guards many quick items with one watchdog.
 */
import * as vm from 'node:vm';

/** Default per-file limit: generous for a 2 MiB file on a slow machine, short beside a CI job's patience. */
export const DEFAULT_FILE_TIMEOUT_MS = 20_000;

const sandbox = vm.createContext({ job: undefined as (() => unknown) | undefined });
const callJob = new vm.Script('job()', { filename: 'ssot-codemod-time-limit' });

export type Limited<T> = { value: T } | { timedOut: true };

/** Runs `work`, stopping it after `ms` milliseconds. Errors thrown by `work` pass through unchanged. */
export function withTimeLimit<T>(ms: number, work: () => T): Limited<T> {
  sandbox.job = work;
  try {
    return { value: callJob.runInContext(sandbox, { timeout: Math.max(1, Math.round(ms)) }) as T };
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { timedOut: true };
    throw error;
  } finally {
    sandbox.job = undefined;
  }
}

/**
 * `work` on each item in order, each item limited to `ms` (or to a limit of its own, `ms(item)`), under as
 * few watchdogs as possible: one call runs items until they are done or the watchdog fires, set to the
 * least limit of the items left, so that no item runs past its own. When it fires, the item in progress
 * has had its whole limit only if it was the first of the call and the limit was its own: it timed out.
 * Otherwise the next call starts from it (alone, if its limit was not the call's), giving it a full limit
 * of its own. A run of quick items thus shares one watchdog.
 */
export function eachWithTimeLimit<T, R>(items: readonly T[], ms: number | ((item: T) => number), work: (item: T) => R, onTimeout: (item: T) => R): R[] {
  const limits = items.map(typeof ms === 'number' ? () => ms : ms);
  const results: R[] = new Array(items.length);
  let next = 0;
  let alone = false;
  while (next < items.length) {
    const first = next;
    const last = alone ? first + 1 : items.length;
    const limit = Math.min(...limits.slice(first, last));
    const outcome = withTimeLimit(limit, () => {
      for (; next < last; next++) results[next] = work(items[next]);
    });
    alone = false;
    if (!('timedOut' in outcome) || next > first) continue;
    if (limit < limits[first]) {
      alone = true;
    } else {
      results[next] = onTimeout(items[next]);
      next++;
    }
  }
  return results;
}
