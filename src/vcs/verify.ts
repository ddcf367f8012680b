/** The `--verify` command: the only command ssot-codemod ever runs through a shell, exactly as the user gave it. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface VerifyResult {
  ok: boolean;
  /** Standard output and error, interleaved as the command wrote them. */
  output: string;
  /** Exit code; 128 + signal number when a signal ended it. */
  code: number;
}

/**
 * The one place a shell command runs: the user's `--verify` command, in `cwd`. Asynchronous, so that a
 * signal to this process is heard while it runs: when `signal` aborts, the command gets the same signal
 * (SIGTERM unless the abort's reason names another) and the result says how it ended.
 */
export function runVerify(command: string, cwd: string, signal?: AbortSignal): Promise<VerifyResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-verify-'));
  const outputFile = path.join(dir, 'output');
  // Both streams go to one file so the output reads in the order it was written.
  const fd = fs.openSync(outputFile, 'w');
  let settled = false;
  const finish = (result: { code: number; error?: string }): VerifyResult | null => {
    // 'close' may follow 'error': the first says how it ended.
    if (settled) return null;
    settled = true;
    const output = fs.readFileSync(outputFile, 'utf8') + (result.error ?? '');
    fs.rmSync(dir, { recursive: true, force: true });
    return { ok: result.code === 0, output, code: result.code };
  };
  return new Promise<VerifyResult>((resolve) => {
    let child;
    try {
      child = spawn(command, { shell: true, cwd, stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
    const abort = (): void => void child.kill(typeof signal?.reason === 'string' && signal.reason.startsWith('SIG') ? (signal.reason as NodeJS.Signals) : 'SIGTERM');
    signal?.addEventListener('abort', abort, { once: true });
    if (signal?.aborted) abort();
    const end = (result: { code: number; error?: string }): void => {
      signal?.removeEventListener('abort', abort);
      const verified = finish(result);
      if (verified) resolve(verified);
    };
    child.on('error', (error) => end({ code: 127, error: error.message }));
    child.on('close', (status, killedBy) => end({ code: status ?? 128 + (killedBy ? (os.constants.signals[killedBy] ?? 0) : 0) }));
  });
}
