/**
 * A time limit on synchronous work. A file that makes the parser or a transform spin must cost its own
 * result, not the run. JavaScript cannot interrupt a busy function from the outside; V8 can, and Node
 * exposes that only through `vm`'s `timeout`, which stops whatever runs inside the call, our own functions
 * included. The call costs about 50 µs, small beside a parse, and works alike on the main and worker threads.
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
