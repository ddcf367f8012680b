/**
 * A batch commit is a `git commit` child of ours. Killed inside it, git leaves its own locks behind
 * (`index.lock`, the temporary `next-index-<pid>.lock` of `--only`, a ref lock) and every later commit
 * fails until they are removed; git writes no owner into them, so on its own nobody can tell a stale lock
 * from a live one. A marker written before the commit names the owners. The next command, finding both
 * owners gone, removes the locks made since the marker and sets the batch's index entries back to HEAD's:
 * `--commit` demands that the batch's files were clean before it, so that is right whether the commit
 * landed or not, and the work tree keeps the batch, written and verified, for the next commit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitFiles, GitError, gitPath, headRef, resetIndexEntries, topLevelPaths } from './git';
import { ensureStateDir, stateDir } from '../batches/state-dir';
import { readTextIfReadable, replaceFileAtomically } from '../shared/fs';
import { isProcessAlive } from '../shared/process';
import { UserError } from '../shared/errors';

interface CommitMarker {
  version: 1;
  pid: number;
  /** The `git commit` process, once started. */
  gitPid: number | null;
  startedAtMs: number;
  /** The batch's files, relative to the work tree's top level. */
  files: string[];
}

export interface ClearedCommit {
  /** The run that was killed while committing. */
  pid: number;
  /** git's lock files it left, removed (absolute paths). */
  removedLocks: string[];
  /** Files whose index entries were set back to HEAD's. */
  resetFiles: string[];
}

export class InterruptedCommitError extends UserError {
  constructor(readonly marker: string, reason: string) {
    super(`a batch commit was interrupted and could not be cleared up (${reason}); fix that and run ssot-codemod recover (the marker ${marker} stays for the next run)`);
    this.name = 'InterruptedCommitError';
  }
}

const MARKER = 'commit.json';
/** File times and the clock may differ by a file system's time granularity. */
const CLOCK_SLACK_MS = 2_000;

function markerPath(root: string): string {
  return path.join(stateDir(root), MARKER);
}

/** `git commit --only` of exactly `files`, recorded so that a run killed inside it can be cleaned up after. */
export async function commitBatch(root: string, files: string[], message: string): Promise<string> {
  const marker = path.join(ensureStateDir(root), MARKER);
  const record: CommitMarker = { version: 1, pid: process.pid, gitPid: null, startedAtMs: Date.now(), files: topLevelPaths(root, files) };
  replaceFileAtomically(marker, JSON.stringify(record), 0o644);
  try {
    return await commitFiles(root, files, message, (gitPid) => replaceFileAtomically(marker, JSON.stringify({ ...record, gitPid }), 0o644));
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

/** Clears what an interrupted batch commit left; null when there was none, or when its owner still runs. */
export function clearInterruptedCommit(root: string): ClearedCommit | null {
  const marker = markerPath(root);
  const record = readMarker(marker);
  if (!record) return null;
  const stillRunning = (pid: number | null) => pid !== null && pid !== process.pid && isProcessAlive(pid);
  if (stillRunning(record.pid) || stillRunning(record.gitPid)) return null;
  try {
    const ref = headRef(root);
    const candidates = ['index.lock', 'HEAD.lock', ...(record.gitPid ? [`next-index-${record.gitPid}.lock`] : []), ...(ref ? [`${ref}.lock`] : [])];
    const removedLocks = candidates.map((name) => gitPath(root, name)).filter((lock) => {
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      // An older lock was there before the commit started: not ours to remove.
      if (!stat || stat.mtimeMs < record.startedAtMs - CLOCK_SLACK_MS) return false;
      fs.rmSync(lock, { force: true });
      return true;
    });
    resetIndexEntries(root, record.files);
    fs.rmSync(marker, { force: true });
    return { pid: record.pid, removedLocks, resetFiles: record.files };
  } catch (error) {
    const reason = error instanceof GitError ? error.output.trim().split('\n')[0] : (error as Error).message;
    throw new InterruptedCommitError(marker, reason);
  }
}

function readMarker(marker: string): CommitMarker | null {
  const text = readTextIfReadable(marker);
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as CommitMarker;
    if (record.version === 1 && Number.isInteger(record.pid) && Array.isArray(record.files)) return record;
  } catch {
    // Unreadable: written atomically, so it cannot be half a marker; not ours.
  }
  throw new InterruptedCommitError(marker, 'the marker is not one this version wrote');
}
