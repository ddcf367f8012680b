import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a run keeps its lock and its journal; git ignores it through its own `.gitignore`. */
export const STATE_DIR_NAME = '.ssot-codemod';

export function stateDir(root: string): string {
  return path.join(root, STATE_DIR_NAME);
}

export function ensureStateDir(root: string): string {
  const dir = stateDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const gitignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(gitignore)) fs.writeFileSync(gitignore, '*\n');
  return dir;
}

export function sha256(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function writeFileDurably(file: string, bytes: Buffer | string, mode?: number): void {
  const fd = fs.openSync(file, 'w', mode ?? 0o666);
  try {
    fs.writeFileSync(fd, bytes);
    // The umask may have narrowed the mode given to open().
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or unlink inside `dir` durable; not every platform can open a directory, hence best effort. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its renames are durable enough for our purpose.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The temporary sibling a file is written to before it is renamed over the target. */
export function temporarySibling(file: string, pid: number): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.ssot-codemod-${pid}.tmp`);
}

/**
 * Replaces `file` with `bytes` and `mode` in one rename, so a reader (or a crash) sees either the old or the
 * new content, never half of it.
 */
export function replaceFileAtomically(file: string, bytes: Buffer | string, mode: number): void {
  const temporary = temporarySibling(file, process.pid);
  try {
    writeFileDurably(temporary, bytes, mode);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fsyncDirectory(path.dirname(file));
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
