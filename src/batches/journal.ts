import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockHolder, LockHeldError } from './lock';
import { ensureStateDir, stateDir } from './state-dir';
import { fsyncDirectory, replaceFileAtomically, sha256, temporarySibling, writeFileDurably } from '../shared/fs';
import { isProcessAlive } from '../shared/process';
import { UserError } from '../shared/errors';
import { isInside, realParentPath, realPathOr, toPosix } from '../shared/paths';

export { acquireLock, LockHeldError, type Lock } from './lock';

/**
 * A batch is written all or nothing. Before the first write, every original's bytes and mode go into a
 * journal under `<root>/.ssot-codemod/journal/`, which appears by one rename only once it is complete and
 * on disk. While it exists the batch is in flight: a crash at any point (even SIGKILL) leaves either no
 * journal and untouched files, or a journal from which `recoverJournal` puts every file back.
 */

export interface BatchWrite {
  /** Absolute path. */
  path: string;
  /** The text read when the change was planned; `null` when the batch creates the file. */
  before: string | null;
  after: string;
}

export interface VerifyOutcome {
  ok: boolean;
  output: string;
}

export interface ApplyBatchOptions {
  /** Runs once every file is written; not ok rolls the whole batch back. */
  verify?: () => VerifyOutcome | Promise<VerifyOutcome>;
  /** Names the batch in the journal, so recovery can say which batch it undid. */
  label?: string;
  /** Called after each file is written (for progress); an error it throws rolls the batch back. */
  onFileWritten?: (file: string, written: number, total: number) => void | Promise<void>;
}

export interface ApplyBatchResult {
  status: 'written' | 'rolled-back';
  verifyOutput?: string;
}

export interface RecoveryResult {
  label: string;
  /** Pid of the run that was interrupted. */
  pid: number;
  /** Files put back (or removed, if the batch had created them), relative to the root, forward slashes. */
  restored: string[];
}

export class StaleFileError extends Error {
  constructor(
    readonly file: string,
    /** What happened to it, e.g. `changed since the batch was planned`. */
    readonly reason = 'changed since the batch was planned',
  ) {
    super(`${file} ${reason}; nothing was written. Run again to plan from the current content.`);
    this.name = 'StaleFileError';
  }
}

export class WriteFailedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** False when some files could not be put back; the journal is then kept for `recover`. */
    readonly rolledBack: boolean,
  ) {
    super(
      rolledBack
        ? `could not write ${file}: ${reason}. Every file of the batch was restored to its original content.`
        : `could not write ${file}: ${reason}. Restoring the batch failed too; its journal is kept, run \`ssot-codemod recover\`.`,
    );
    this.name = 'WriteFailedError';
  }
}

export class RollbackFailedError extends Error {
  constructor(
    readonly files: string[],
    readonly reason: string,
  ) {
    super(
      `${reason}, and ${files.join(', ')} could not be restored; the journal is kept, run \`ssot-codemod recover\``,
    );
    this.name = 'RollbackFailedError';
  }
}

export class JournalPresentError extends UserError {
  constructor(readonly journal: string) {
    super(`an interrupted batch's journal is present (${journal}); run \`ssot-codemod recover\` before writing anything`);
    this.name = 'JournalPresentError';
  }
}

export class RecoveryConflictError extends UserError {
  constructor(readonly files: string[]) {
    super(
      `the interrupted batch cannot be undone without losing edits made since: ${files.join(', ')} ` +
        'no longer hold what the batch wrote. Save those edits elsewhere, then recover with --force to restore the originals.',
    );
    this.name = 'RecoveryConflictError';
  }
}

export class OutsideRootError extends Error {
  constructor(readonly file: string) {
    super(`${file} is outside the folder being migrated (or reached through a link leading out of it); it is never written`);
    this.name = 'OutsideRootError';
  }
}

interface JournalEntry {
  /** Relative to the root, forward slashes. */
  path: string;
  /** File name under `originals/`; null when the batch creates the file. */
  original: string | null;
  originalHash: string | null;
  mode: number | null;
  afterHash: string;
}

interface JournalManifest {
  version: 1;
  label: string;
  pid: number;
  startedAt: string;
  files: JournalEntry[];
}

const JOURNAL = 'journal';
const MANIFEST = 'manifest.json';
const ORIGINALS = 'originals';

export function journalPath(root: string): string {
  return path.join(stateDir(root), JOURNAL);
}

export async function applyBatchAtomically(
  root: string,
  writes: BatchWrite[],
  options: ApplyBatchOptions = {},
): Promise<ApplyBatchResult> {
  assertNotLockedByAnother(root);
  if (fs.existsSync(journalPath(root))) throw new JournalPresentError(journalPath(root));
  const realRoot = fs.realpathSync(root);
  const planned = writes.map((write) => planWrite(realRoot, write)).filter((write) => write.current !== write.after);
  assertNoDuplicates(planned.map((write) => write.relative));
  if (planned.length === 0) return { status: 'written' };

  const manifest = writeJournal(root, options.label ?? 'batch', planned);
  const written: JournalEntry[] = [];
  try {
    for (const [i, write] of planned.entries()) {
      try {
        writeTarget(write);
      } catch (error) {
        throw new WriteFailedError(write.relative, describe(error), true);
      }
      written.push(manifest.files[i]);
      await options.onFileWritten?.(write.target, written.length, planned.length);
    }
  } catch (error) {
    const unrestored = rollBack(realRoot, manifest, written);
    if (error instanceof WriteFailedError && unrestored.length > 0) throw new WriteFailedError(error.file, error.reason, false);
    if (unrestored.length > 0) throw new RollbackFailedError(unrestored, describe(error));
    throw error;
  }

  if (!options.verify) {
    removeJournal(root);
    return { status: 'written' };
  }
  let outcome: VerifyOutcome;
  try {
    outcome = await options.verify();
  } catch (error) {
    const unrestored = rollBack(realRoot, manifest, manifest.files);
    if (unrestored.length > 0) throw new RollbackFailedError(unrestored, describe(error));
    throw error;
  }
  if (outcome.ok) {
    removeJournal(root);
    return { status: 'written', verifyOutput: outcome.output };
  }
  const unrestored = rollBack(realRoot, manifest, manifest.files);
  if (unrestored.length > 0) throw new RollbackFailedError(unrestored, 'verify failed');
  return { status: 'rolled-back', verifyOutput: outcome.output };
}

/**
 * Undoes an interrupted batch, if there is one. Files that hold neither their original nor what the batch
 * wrote were edited since; they are not overwritten unless `force` is set. Running it twice is harmless:
 * the journal goes only after every file is back.
 */
export function recoverJournal(root: string, options: { force?: boolean } = {}): RecoveryResult | null {
  removeAbandonedDrafts(root);
  const journal = journalPath(root);
  if (!fs.existsSync(path.join(journal, MANIFEST))) {
    // A journal without a manifest cannot have been published by the rename; it is debris.
    if (fs.existsSync(journal)) removeJournal(root);
    return null;
  }
  assertNotLockedByAnother(root);
  const manifest = readManifest(journal);
  const realRoot = fs.realpathSync(root);

  const edited = manifest.files.filter((entry) => {
    const hash = currentHash(path.join(realRoot, entry.path));
    return hash !== entry.originalHash && hash !== entry.afterHash;
  });
  if (edited.length > 0 && !options.force) throw new RecoveryConflictError(edited.map((entry) => entry.path));

  const restored = manifest.files.filter((entry) => restoreEntry(realRoot, journal, entry, manifest.pid));
  removeJournal(root);
  return { label: manifest.label, pid: manifest.pid, restored: restored.map((entry) => entry.path) };
}

interface PlannedWrite {
  target: string;
  relative: string;
  /** Bytes on disk now, as text; null when the file does not exist. */
  current: string | null;
  originalBytes: Buffer | null;
  mode: number | null;
  after: string;
}

function planWrite(realRoot: string, write: BatchWrite): PlannedWrite {
  if (!path.isAbsolute(write.path)) throw new TypeError(`batch paths must be absolute, got ${write.path}`);
  const target = realTarget(write.path);
  const relative = path.relative(realRoot, target);
  if (relative === '' || !isInside(realRoot, target)) throw new OutsideRootError(write.path);

  const stat = fs.statSync(target, { throwIfNoEntry: false });
  const originalBytes = stat ? fs.readFileSync(target) : null;
  const expected = write.before === null ? null : sha256(Buffer.from(write.before, 'utf8'));
  const actual = originalBytes === null ? null : sha256(originalBytes);
  // Named like the other batch errors: relative to the root, as the user sees it in the plan.
  if (expected !== actual) throw new StaleFileError(toPosix(relative), staleReason(target, write.before, originalBytes));
  return {
    target,
    relative: toPosix(relative),
    current: write.before,
    originalBytes,
    mode: stat ? stat.mode & 0o7777 : null,
    after: write.after,
  };
}

/** Says how a file differs from what was planned: a deleted file or folder is not "changed". */
function staleReason(target: string, before: string | null, current: Buffer | null): string {
  if (current === null && !fs.existsSync(path.dirname(target))) return 'no longer exists: its folder was removed since the batch was planned';
  if (current === null) return 'was deleted since the batch was planned';
  if (before === null) return 'was created by someone else since the batch was planned';
  return 'changed since the batch was planned';
}

/** Writing through a link would land outside what was checked, so links are resolved first. */
function realTarget(file: string): string {
  return realPathOr(file, { native: false, fallback: (missing) => realParentPath(missing, { native: false }) });
}

function assertNoDuplicates(paths: string[]): void {
  const seen = new Set<string>();
  for (const file of paths) {
    if (seen.has(file)) throw new TypeError(`${file} appears twice in one batch`);
    seen.add(file);
  }
}

function writeJournal(root: string, label: string, planned: PlannedWrite[]): JournalManifest {
  const dir = ensureStateDir(root);
  const draft = path.join(dir, `${JOURNAL}.draft-${process.pid}`);
  fs.rmSync(draft, { recursive: true, force: true });
  fs.mkdirSync(path.join(draft, ORIGINALS), { recursive: true });

  const files = planned.map((write, i): JournalEntry => {
    const original = write.originalBytes === null ? null : String(i);
    if (original !== null) writeFileDurably(path.join(draft, ORIGINALS, original), write.originalBytes!);
    return {
      path: write.relative,
      original,
      originalHash: write.originalBytes === null ? null : sha256(write.originalBytes),
      mode: write.mode,
      afterHash: sha256(Buffer.from(write.after, 'utf8')),
    };
  });
  const manifest: JournalManifest = { version: 1, label, pid: process.pid, startedAt: new Date().toISOString(), files };
  writeFileDurably(path.join(draft, MANIFEST), JSON.stringify(manifest, null, 2));
  fsyncDirectory(path.join(draft, ORIGINALS));
  fsyncDirectory(draft);
  fs.renameSync(draft, journalPath(root));
  fsyncDirectory(dir);
  return manifest;
}

function writeTarget(write: PlannedWrite): void {
  if (write.mode !== null && (write.mode & 0o222) === 0) {
    // A rename would replace a read-only file without complaint; the user made it read-only for a reason.
    throw new Error('the file is read-only');
  }
  replaceFileAtomically(write.target, write.after, write.mode ?? 0o644);
}

/** Puts the given files back; returns those it could not restore (the journal is kept for them). */
function rollBack(realRoot: string, manifest: JournalManifest, entries: JournalEntry[]): string[] {
  const journal = journalPath(realRoot);
  const unrestored: string[] = [];
  for (const entry of entries) {
    try {
      restoreEntry(realRoot, journal, entry, manifest.pid);
    } catch {
      unrestored.push(entry.path);
    }
  }
  if (unrestored.length === 0) removeJournal(realRoot);
  return unrestored;
}

/** Brings one file back to its original bytes and mode; idempotent; true when it changed something on disk. */
function restoreEntry(realRoot: string, journal: string, entry: JournalEntry, pid: number): boolean {
  const target = path.join(realRoot, entry.path);
  fs.rmSync(temporarySibling(target, pid), { force: true });
  const hash = currentHash(target);
  if (entry.original === null) {
    if (hash === null) return false;
    fs.rmSync(target, { force: true });
    fsyncDirectory(path.dirname(target));
    return true;
  }
  const mode = entry.mode ?? 0o644;
  if (hash === entry.originalHash) {
    if ((fs.statSync(target).mode & 0o7777) === mode) return false;
    fs.chmodSync(target, mode);
    return true;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  replaceFileAtomically(target, fs.readFileSync(path.join(journal, ORIGINALS, entry.original)), mode);
  return true;
}

/** Renamed away first so that a crash while deleting never leaves a half-empty journal that looks valid. */
function removeJournal(root: string): void {
  const journal = journalPath(root);
  const trash = path.join(stateDir(root), `${JOURNAL}.trash-${process.pid}-${Date.now()}`);
  try {
    fs.renameSync(journal, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  fsyncDirectory(stateDir(root));
  fs.rmSync(trash, { recursive: true, force: true });
}

/** Drafts never published and trash never emptied: both are safe to delete. */
function removeAbandonedDrafts(root: string): void {
  const dir = stateDir(root);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const draft = /^journal\.draft-(\d+)$/.exec(name);
    if (draft && isProcessAlive(Number(draft[1])) && Number(draft[1]) !== process.pid) continue;
    if (draft || name.startsWith(`${JOURNAL}.trash-`)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function readManifest(journal: string): JournalManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(journal, MANIFEST), 'utf8')) as JournalManifest;
  if (manifest.version !== 1 || !Array.isArray(manifest.files)) {
    throw new Error(`${path.join(journal, MANIFEST)} is not a journal this version of ssot-codemod can read`);
  }
  return manifest;
}

function currentHash(file: string): string | null {
  try {
    return sha256(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function assertNotLockedByAnother(root: string): void {
  const holder = lockHolder(root);
  if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
    throw new LockHeldError(holder, path.join(stateDir(root), 'lock'));
  }
}

function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'its folder no longer exists';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOSPC') return 'the disk is full';
  return err?.message ?? String(error);
}
