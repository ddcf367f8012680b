/** The `--verify` command: the only command ssot-codemod ever runs through a shell, exactly as the user gave it. */
import { spawnSync } from 'node:child_process';
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

/** The one place a shell command runs: the user's `--verify` command, in `cwd`. */
export function runVerify(command: string, cwd: string): VerifyResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-verify-'));
  const outputFile = path.join(dir, 'output');
  // Both streams go to one file so the output reads in the order it was written.
  try {
    const fd = fs.openSync(outputFile, 'w');
    let result;
    try {
      result = spawnSync(command, { shell: true, cwd, stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
    const output = fs.readFileSync(outputFile, 'utf8');
    if (result.error) return { ok: false, output: output + result.error.message, code: 127 };
    const code = result.status ?? 128 + (result.signal ? (os.constants.signals[result.signal] ?? 0) : 0);
    return { ok: code === 0, output, code };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
