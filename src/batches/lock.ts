import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureStateDir, stateDir } from './state-dir';
import { isProcessAlive } from '../shared/process';
import { readTextIfPresent } from '../shared/fs';
import { UserError } from '../shared/errors';

export interface Lock {
  readonly file: string;
  readonly pid: number;
  /** Removes the lock if it is still ours; calling it again does nothing. */
  release(): void;
}

export class LockHeldError extends UserError {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(`another ssot-codemod run (pid ${pid}) is working in this folder; wait for it to finish (lock: ${lockFile})`);
    this.name = 'LockHeldError';
  }
}

export function lockFilePath(root: string): string {
  return path.join(stateDir(root), 'lock');
}

/** The pid written in the lock, if there is a lock. */
export function lockHolder(root: string): number | null {
  const content = readTextIfPresent(lockFilePath(root));
  return content === null ? null : parsePid(content);
}

/**
 * One run per folder. A lock left by a process that no longer exists (it crashed or was killed) is taken
 * over. Two runs that find the same stale lock at the same instant could both take it; that race is
 * accepted, as runs are started by hand.
 */
export function acquireLock(root: string): Lock {
  const lockFile = path.join(ensureStateDir(root), 'lock');
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockFile)) return ownedLock(lockFile);
    const content = readTextIfPresent(lockFile);
    if (content === null) continue;
    const pid = parsePid(content);
    if (pid !== null && isProcessAlive(pid)) throw new LockHeldError(pid, lockFile);
    if (readTextIfPresent(lockFile) === content) fs.rmSync(lockFile, { force: true });
  }
  const pid = lockHolder(root);
  throw new LockHeldError(pid ?? -1, lockFile);
}

/** Hard-linking a complete file is atomic: nobody ever sees a lock without its pid. */
function tryCreate(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}.tmp`;
  fs.writeFileSync(draft, `${process.pid}\n`);
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return tryCreateExclusive(lockFile);
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** For file systems without hard links. */
function tryCreateExclusive(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ownedLock(file: string): Lock {
  let released = false;
  return {
    file,
    pid: process.pid,
    release() {
      if (released) return;
      released = true;
      const content = readTextIfPresent(file);
      if (content !== null && parsePid(content) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function parsePid(content: string): number | null {
  const pid = Number(content.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
