/**
 * A batch's commit, and what is left when it does not land. Before `git commit` starts, a record names the
 * batch (its files and the hashes of what was written and verified, its message, HEAD before it) and the
 * processes that own the commit. It goes once the commit has landed. A record left behind means the batch
 * is written but not committed: git refused (a failing hook, no identity, a signing key missing, a full
 * disk) or the run was killed. The next `apply` or `recover` settles it: once its owners are gone it clears
 * what the killed commit left (its own index, and git's locks made since the record that no live git may
 * own), finds whether the commit landed, and sets the batch's index entries to HEAD's. A batch still not
 * committed is then pending: the next `apply --commit` commits it first, or stops and names it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitFiles, commitLanded, differFromIndex, GitError, gitPath, headCommit, headRef, resetIndexEntries, uncommittedFiles } from './git';
import type { Lock } from '../batches/lock';
import { existingStateDir, stateLocation, type StateLocation } from '../batches/state-dir';
import { readRegularFile, readTextIfReadable, replaceFileAtomically, sha256 } from '../shared/fs';
import { isInside, relativePosix, unsafeRelativePath } from '../shared/paths';
import { listProcesses, livenessOf } from '../shared/process';
import { findRepositoryTop, gitDirOf } from '../shared/repository';
import { UserError } from '../shared/errors';

interface CommitRecord {
  version: 2;
  /** The run that commits, and when it wrote the record. */
  pid: number;
  writtenAtMs: number;
  /** The `git commit` process, once started, and when (it started no later than that). */
  gitPid: number | null;
  gitStartedAtMs?: number;
  /** HEAD before the commit (null: none yet). */
  parent: string | null;
  message: string;
  /** The batch's files, relative to the tree, with the hash of what was written. */
  files: { path: string; hash: string }[];
  /** In the pending record only: why the batch is not committed. */
  pending?: { reason: string };
  /** The batch's journal label, when the record was made before its journal went. */
  batch?: string;
}

/** A batch written but not committed. */
export interface PendingCommit {
  /** The commit's subject: `ssot-codemod: batch K/N (label)`. */
  subject: string;
  /** Relative to the tree. */
  files: string[];
  /** Why it is not committed: git's words, or that the run was interrupted. */
  reason: string;
}

export interface ClearedCommit {
  /** The run that was killed while committing. */
  pid: number;
  /** Lock files it left, removed (absolute paths). */
  removedLocks: string[];
  /** Files whose index entries were set to HEAD's. */
  resetFiles: string[];
}

export interface SettledCommit {
  /** What an interrupted commit left, cleared now (null when the record was already settled). */
  cleared: ClearedCommit | null;
  /** Whether the interrupted commit had landed after all. */
  landed: boolean;
  /** The batch written but not committed, if it is. */
  pending: PendingCommit | null;
}

export class InterruptedCommitError extends UserError {
  constructor(readonly marker: string, reason: string) {
    super(`a batch commit was interrupted and could not be cleared up (${reason}); fix that and run ssot-codemod recover (the marker ${marker} stays for the next run)`);
    this.name = 'InterruptedCommitError';
  }
}

export class PendingCommitError extends UserError {
  constructor(readonly pending: PendingCommit, problem: string) {
    super(`"${pending.subject}" was written but never committed (${pending.reason}), and ${problem}`);
    this.name = 'PendingCommitError';
  }
}

/** The commit in flight. */
const MARKER = 'commit.json';
/** A batch written but not committed: the record of a commit that failed or was killed, settled. */
const PENDING = 'pending-commit.json';
/** File times and the clock may differ by a file system's time granularity. */
const CLOCK_SLACK_MS = 2_000;
const SCRATCH = /^commit-(\d+)$/;

function markerIn(location: StateLocation): string {
  return path.join(location.dir, MARKER);
}

function pendingIn(location: StateLocation): string {
  return path.join(location.dir, PENDING);
}

/** The record, now that the batch is known not to be committed, moves from the marker to the pending record. */
function leavePending(location: StateLocation, record: CommitRecord, reason: string): PendingCommit {
  const pending = { ...record, pending: { reason } };
  replaceFileAtomically(pendingIn(location), JSON.stringify(pending), { mode: 0o600 });
  fs.rmSync(markerIn(location), { force: true });
  return pendingOf(pending);
}

/**
 * `git commit` of exactly `files` (absolute), recorded so that a commit that fails or is killed leaves the
 * batch pending rather than forgotten.
 */
export async function commitBatch(lock: Lock, files: string[], message: string): Promise<string> {
  const { location } = lock;
  lock.assertHeld();
  const marker = markerIn(location);
  if (fs.existsSync(marker)) throw new InterruptedCommitError(marker, 'another batch commit is recorded and not settled');
  // The files as they were when the batch was verified (its pending record), if this is that batch.
  const pending = readRecord(location, pendingIn(location));
  const record = { ...recordOf(location, files, message), ...(pending?.message === message ? { files: pending.files } : {}) };
  const save = (value: CommitRecord): void => replaceFileAtomically(marker, JSON.stringify(value), { mode: 0o600 });
  save(record);
  // Only now that the marker names the batch: until then the pending record did (no moment without either).
  fs.rmSync(pendingIn(location), { force: true });
  const scratchDir = path.join(location.dir, `commit-${process.pid}`);
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { mode: 0o700 });
  let commit: string;
  let started = false;
  try {
    commit = await commitFiles(location.tree, files, message, {
      scratchDir,
      onStaged: (index) => stagedAsWritten(location, record, files, index),
      onCommitStarted: (gitPid) => {
        started = true;
        save({ ...record, gitPid, gitStartedAtMs: Date.now() });
      },
    });
  } catch (error) {
    const staged = started ? withHookOutput(location, record, scratchDir) : record;
    fs.rmSync(scratchDir, { recursive: true, force: true });
    // Landed, but the index entries could not be set (a git of the user's holds the index): the marker
    // stays, and the next run sets them. Otherwise pending, if anything is left to commit.
    if (commitLanded(location.tree, record.parent, subjectOf(message))) throw error;
    if (uncommittedFiles(location.tree, files).length === 0) fs.rmSync(marker, { force: true });
    else leavePending(location, staged, gitReason(error));
    throw error;
  }
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  return commit;
}

/**
 * What was staged must be what the batch wrote: a file saved by someone else since (between verify and
 * the commit) is not swept into the batch's commit. Staged equal to the file now, and the file now equal to
 * what was written, means staged equal to what was written.
 */
function stagedAsWritten(location: StateLocation, record: CommitRecord, files: string[], index: string): void {
  const changed = record.files.filter((file) => hashOf(path.join(location.tree, file.path)) !== file.hash).map((file) => file.path);
  const differing = differFromIndex(location.tree, index, files).map((file) => relativePosix(location.tree, file));
  const moved = [...new Set([...changed, ...differing])];
  if (moved.length > 0) throw new Error(`${moved.join(', ')} changed while the batch was being committed`);
}

/**
 * Records that the batch of `files` (absolute) is written and still to be committed with `message`: called
 * while the batch's journal still exists, so that a run killed between the journal's end and the commit's
 * start leaves the batch pending rather than forgotten. `batch` is the journal's label, by which a batch
 * restored from its journal drops this record (dropPendingOf).
 */
export function recordPendingCommit(lock: Lock, files: string[], message: string, batch: string): void {
  const { location } = lock;
  lock.assertHeld();
  const record = { ...recordOf(location, files, message), pending: { reason: 'the run was interrupted before committing it' }, batch };
  replaceFileAtomically(pendingIn(location), JSON.stringify(record), { mode: 0o600 });
}

/** A record of this run committing `files` (absolute) with `message` on top of HEAD as it is now. */
function recordOf(location: StateLocation, files: string[], message: string): CommitRecord {
  return {
    version: 2,
    pid: process.pid,
    writtenAtMs: Date.now(),
    gitPid: null,
    parent: headCommit(location.tree),
    message,
    files: files.map((file) => ({ path: relativePosix(location.tree, file), hash: hashOf(file) })),
  };
}

/** The pending record of the batch a journal named `batch` was for: that batch was undone, nothing is pending. */
export function dropPendingOf(lock: Lock, batch: string): void {
  lock.assertHeld();
  const pending = pendingIn(lock.location);
  let record: CommitRecord | null = null;
  try {
    record = readRecord(lock.location, pending);
  } catch {
    // Damaged: settling it names it.
  }
  if (record?.batch === batch) fs.rmSync(pending, { force: true });
}

/**
 * What a commit record left by an earlier run means now: an interrupted commit is cleared up (once its
 * owners are gone), and a batch not committed is returned as pending. Needs the lock.
 */
export function settleInterruptedCommit(lock: Lock, options: { force?: boolean } = {}): SettledCommit | null {
  const { location } = lock;
  lock.assertHeld();
  const marker = markerIn(location);
  // A record that cannot be read names nothing that could be cleared: --force sets it aside.
  const readable = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InterruptedCommitError) || !options.force) throw error;
      fs.renameSync(error.marker, `${error.marker}.damaged-${Date.now()}`);
      return null;
    }
  };
  let record = readable(() => readRecord(location, marker));
  if (!record) return readable(() => settledPending(location));
  const subject = subjectOf(record.message);
  const absolute = record.files.map((file) => path.join(location.tree, file.path));
  // A commit whose run or git still runs is not ours to touch (the next run settles it).
  if (ownersRunning(record)) return null;
  try {
    // Only once `git commit` had started could a hook have staged anything.
    if (record.gitPid !== null) record = withHookOutput(location, record, path.join(location.dir, `commit-${record.pid}`));
    const removedLocks = [...removeScratch(location), ...removeGitLocks(location, record)];
    const landed = commitLanded(location.tree, record.parent, subject);
    resetIndexEntries(location.tree, absolute);
    const cleared = { pid: record.pid, removedLocks, resetFiles: record.files.map((file) => file.path) };
    if (landed || uncommittedFiles(location.tree, absolute).length === 0) {
      fs.rmSync(marker, { force: true });
      return { cleared, landed, pending: null };
    }
    return { cleared, landed, pending: leavePending(location, record, 'the run was interrupted while committing it') };
  } catch (error) {
    throw new InterruptedCommitError(marker, gitReason(error));
  }
}

/** The pending batch, unless its files were committed (or the change discarded) by hand since. */
function settledPending(location: StateLocation): SettledCommit | null {
  const record = readRecord(location, pendingIn(location));
  if (!record) return null;
  if (uncommittedFiles(location.tree, record.files.map((file) => path.join(location.tree, file.path))).length === 0) {
    fs.rmSync(pendingIn(location), { force: true });
    return null;
  }
  return { cleared: null, landed: false, pending: pendingOf(record) };
}

/**
 * Commits the pending batch, if there is one and its files still hold what was written; a pending batch
 * whose files changed since is named, and nothing else is committed before it. Needs the lock.
 */
export async function commitPendingBatch(lock: Lock): Promise<{ commit: string; pending: PendingCommit } | null> {
  const settled = settleInterruptedCommit(lock);
  if (!settled?.pending) return null;
  const record = readRecord(lock.location, pendingIn(lock.location))!;
  const pending = settled.pending;
  const changed = record.files.filter((file) => hashOf(path.join(lock.location.tree, file.path)) !== file.hash).map((file) => file.path);
  if (changed.length > 0) {
    throw new PendingCommitError(pending, `${changed.join(', ')} changed since: commit or discard the batch's files yourself (git commit / git checkout), then run again`);
  }
  try {
    const commit = await commitBatch(lock, record.files.map((file) => path.join(lock.location.tree, file.path)), record.message);
    return { commit, pending };
  } catch (error) {
    throw new PendingCommitError({ ...pending, reason: gitReason(error) }, 'committing it failed again: fix that, then run again (or commit the files yourself)');
  }
}

/** The commit record an earlier run left, read and left as it is: for `check`, which changes nothing. */
export function inspectCommitRecord(root: string): (PendingCommit & { running: boolean }) | { damaged: string } | null {
  const location = stateLocation(root);
  if (!existingStateDir(location)) return null;
  try {
    const inFlight = readRecord(location, markerIn(location));
    if (inFlight) return { ...pendingOf(inFlight), running: ownersRunning(inFlight) };
    const pending = readRecord(location, pendingIn(location));
    return pending ? { ...pendingOf(pending), running: false } : null;
  } catch (error) {
    if (error instanceof InterruptedCommitError) return { damaged: error.message };
    throw error;
  }
}

/** Whether the run that commits, or its `git commit`, may still run. */
function ownersRunning(record: CommitRecord): boolean {
  if (record.pid !== process.pid && livenessOf(record.pid, record.writtenAtMs) !== 'gone') return true;
  return record.gitPid !== null && livenessOf(record.gitPid, record.gitStartedAtMs ?? Date.now(), /git/) !== 'gone';
}

function pendingOf(record: CommitRecord): PendingCommit {
  return {
    subject: subjectOf(record.message),
    files: record.files.map((file) => file.path),
    reason: record.pending?.reason ?? 'the run was interrupted while committing it',
  };
}

/**
 * The record, with what a hook made of the batch's files taken for the batch: a pre-commit hook that
 * formats and stages them (lint-staged) leaves in the commit's own index the content it produced, so a
 * file that now holds exactly that is still the batch's, not an edit made since. (Before `git commit`
 * starts, the index holds what was checked to be the batch's: no hook has run.)
 */
function withHookOutput(location: StateLocation, record: CommitRecord, scratchDir: string): CommitRecord {
  const index = path.join(scratchDir, 'index');
  const changed = record.files.filter((file) => ![file.hash, ''].includes(hashOf(path.join(location.tree, file.path))));
  if (changed.length === 0 || !fs.existsSync(index)) return record;
  const absolute = changed.map((file) => path.join(location.tree, file.path));
  const differing = new Set(differFromIndex(location.tree, index, absolute));
  const staged = new Set(changed.filter((_, i) => !differing.has(absolute[i])).map((file) => file.path));
  return { ...record, files: record.files.map((file) => (staged.has(file.path) ? { ...file, hash: hashOf(path.join(location.tree, file.path)) } : file)) };
}

/** The commit's own folder (its index, the index's lock, the message): ours, of a run that is gone. */
function removeScratch(location: StateLocation): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(location.dir)) {
    if (!SCRATCH.test(name)) continue;
    const lock = path.join(location.dir, name, 'index.lock');
    if (fs.existsSync(lock)) removed.push(lock);
    fs.rmSync(path.join(location.dir, name), { recursive: true, force: true });
  }
  return removed;
}

/**
 * git's own locks that the killed commit may have left (git writes no owner into them): each is removed
 * only if it was made after the record, and no git process that may work in this repository runs.
 */
function removeGitLocks(location: StateLocation, record: CommitRecord): string[] {
  const ref = headRef(location.tree);
  const candidates = ['index.lock', 'HEAD.lock', ...(ref ? [`${ref}.lock`] : [])].map((name) => gitPath(location.tree, name));
  const present = candidates.filter((lock) => {
    const stat = fs.lstatSync(lock, { throwIfNoEntry: false });
    // An older lock was there before the commit started: not ours to remove.
    return stat?.isFile() && stat.mtimeMs >= record.writtenAtMs - CLOCK_SLACK_MS;
  });
  if (present.length === 0 || gitMayBeRunning(location.tree)) return [];
  for (const lock of present) fs.rmSync(lock, { force: true });
  return present;
}

/**
 * Whether a git process may be working in the repository of `tree`: one whose folder or command line is
 * in it, one whose folder cannot be read, or any at all where the system does not list processes.
 */
function gitMayBeRunning(tree: string): boolean {
  const processes = listProcesses();
  if (processes === null) return true;
  const gitDir = gitDirOf(findRepositoryTop(tree) ?? tree) ?? path.join(tree, '.git');
  const inRepository = (p: string): boolean => isInside(tree, p) || isInside(gitDir, p);
  return processes.some(({ command, cwd }) => {
    const isGit = command.length > 0 && /(^|\/)git(-[\w-]+)?$/.test(command[0]);
    return isGit && (cwd === null || inRepository(cwd) || command.some((arg) => path.isAbsolute(arg) && inRepository(arg)));
  });
}

function readRecord(location: StateLocation, marker: string): CommitRecord | null {
  if (!existingStateDir(location)) return null;
  const text = readTextIfReadable(marker);
  if (text === null) return null;
  let record: CommitRecord | undefined;
  try {
    record = JSON.parse(text) as CommitRecord;
  } catch {
    // Written atomically, it cannot be half a record.
  }
  const files = record?.files;
  if (
    record?.version === 2 && Number.isInteger(record.pid) && Number.isFinite(record.writtenAtMs) && typeof record.message === 'string' &&
    (record.gitPid === null || Number.isInteger(record.gitPid)) && (record.parent === null || /^[0-9a-f]{40,64}$/.test(String(record.parent))) &&
    Array.isArray(files) && files.every((file) => file && unsafeRelativePath(file.path) === null && typeof file.hash === 'string')
  ) {
    return record;
  }
  throw new InterruptedCommitError(marker, 'the marker is not one this version wrote; remove it if no batch commit is pending');
}

function subjectOf(message: string): string {
  return message.split('\n')[0];
}

function hashOf(file: string): string {
  const bytes = readRegularFile(file);
  return bytes === null || bytes === 'not-a-file' ? '' : sha256(bytes);
}

/** Why a commit failed, in one line: git's `fatal:`/`error:` line, else the last thing it (or a hook) said. */
export function gitReason(error: unknown): string {
  if (error instanceof GitError) {
    const lines = error.output.trim().split('\n').filter(Boolean);
    return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[lines.length - 1] ?? error.message;
  }
  return (error as Error).message;
}
