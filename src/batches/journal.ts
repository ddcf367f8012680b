import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lock } from './lock';
import { existingStateDir, stateLocation, type StateLocation } from './state-dir';
import {
  FileChangedError, FolderChangedError, fsyncDirectory, inFolder, leftoverTemporaries, placeInTree, readRegularFile, replaceFileAtomically, replaceFileIfUnchanged, sha256,
  UnsafePathError, writeFileDurably, type FileOwner, type FolderId,
} from '../shared/fs';
import { UserError } from '../shared/errors';
import { abortHeard } from '../shared/abort';
import { isInside, realParentPath, realPathOr, relativePosix, unsafeRelativePath } from '../shared/paths';

export { acquireLock, LockHeldError, type Lock } from './lock';

/**
 * A batch is written all or nothing. Before the first write, every original's bytes, mode and owner go
 * into a journal in the state folder (see state-dir.ts), which appears by one rename only once it is
 * complete and on disk. While it exists the batch is in flight: a crash at any point (even SIGKILL) leaves
 * either no journal and untouched files, or a journal from which `recoverJournal` puts every file back.
 *
 * Writing, rolling back and recovering all need the lock (lock.ts), so no two of them ever run at once.
 * A journal is read as untrusted data: every path it names must lead inside the tree with no link on the
 * way, every original must still match the hash written beside it, and a file is put back only while it
 * holds what the batch wrote; one changed since is kept and named.
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
  /** Where the writes must stay (the registry's folder), and what messages name files from; default: the tree. */
  root?: string;
  /**
   * Aborting it (a SIGINT or SIGTERM handler, say) stops the batch at the next file or once verify has
   * returned, and rolls it back: the result is then `rolled-back` with `interrupted` set.
   */
  signal?: AbortSignal;
  /**
   * Called once the batch is written (and verified), while its journal still exists: what must outlive the
   * batch (that it is still to be committed) is recorded before the journal goes, so that no kill in
   * between can leave the batch written and forgotten. If it throws, the batch is rolled back.
   */
  onDone?: () => void;
}

export interface ApplyBatchResult {
  status: 'written' | 'rolled-back';
  verifyOutput?: string;
  /** Rolled back because the signal was aborted. */
  interrupted?: boolean;
  /**
   * Files changed by someone else while the batch was in flight (relative to `root`): a rollback leaves
   * them as they are rather than lose that change.
   */
  kept?: string[];
}

export interface RecoveryResult {
  label: string;
  /** Pid of the run that was interrupted. */
  pid: number;
  /** Files put back (or removed, if the batch had created them), relative to the tree, forward slashes. */
  restored: string[];
  /** Set when a damaged journal was set aside (`--force`) instead: where it now is. */
  setAside?: string;
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
    /** Files changed by someone else meanwhile, left as they are. */
    readonly kept: string[] = [],
  ) {
    super(
      (rolledBack
        ? `could not write ${file}: ${reason}. Every file of the batch was restored to its original content.`
        : `could not write ${file}: ${reason}. Restoring the batch failed too; its journal is kept, run \`ssot-codemod recover\`.`) +
        keptNote(kept),
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

/** A journal that cannot be used: cut short, of an unknown version, or naming what it may not. */
export class DamagedJournalError extends UserError {
  constructor(readonly journal: string, readonly reason: string) {
    super(
      `the journal ${journal} cannot be used (${reason}), so the batch it was written for cannot be restored from it. ` +
        `Check the files of that batch with \`git status\`; \`ssot-codemod recover --force\` sets the journal aside (its originals stay in it) so that runs can go on`,
    );
    this.name = 'DamagedJournalError';
  }
}

export class OutsideRootError extends Error {
  constructor(readonly file: string) {
    super(`${file} is outside the folder being migrated (or reached through a link leading out of it); it is never written`);
    this.name = 'OutsideRootError';
  }
}

function keptNote(kept: string[]): string {
  return kept.length === 0 ? '' : ` ${kept.join(', ')} changed meanwhile and ${kept.length === 1 ? 'was' : 'were'} kept as ${kept.length === 1 ? 'it is' : 'they are'}.`;
}

interface JournalEntry {
  /** Relative to the tree, forward slashes. */
  path: string;
  /** File name under `originals/`; null when the batch creates the file. */
  original: string | null;
  originalHash: string | null;
  mode: number | null;
  /** The original's owner; absent in journals of version 1. */
  uid?: number;
  gid?: number;
  afterHash: string;
}

interface JournalManifest {
  version: 1 | 2;
  label: string;
  pid: number;
  startedAt: string;
  files: JournalEntry[];
}

const JOURNAL = 'journal';
const MANIFEST = 'manifest.json';
const ORIGINALS = 'originals';
const HASH = /^[0-9a-f]{64}$/;

export function journalPath(root: string): string {
  return journalIn(stateLocation(root));
}

function journalIn(location: StateLocation): string {
  return path.join(location.dir, JOURNAL);
}

export async function applyBatchAtomically(lock: Lock, writes: BatchWrite[], options: ApplyBatchOptions = {}): Promise<ApplyBatchResult> {
  const { location } = lock;
  lock.assertHeld();
  if (fs.existsSync(journalIn(location))) throw new JournalPresentError(journalIn(location));
  const root = realPathOr(options.root ?? location.tree, { native: false });
  const planned = writes.map((write) => planWrite(location, root, write)).filter((write) => write.current !== write.after);
  assertNoDuplicates(planned.map((write) => write.entry.path));
  if (planned.length === 0) return { status: 'written' };
  const shown = (entries: JournalEntry[]): string[] => entries.map((entry) => relativePosix(root, path.join(location.tree, entry.path)));

  const manifest = writeJournal(lock, options.label ?? 'batch', planned);
  const written: JournalEntry[] = [];
  /** Rolls `entries` back; throws what stopped the batch, if anything did, once that is done; returns the files kept. */
  const undo = (entries: JournalEntry[], error?: unknown): string[] => {
    const { unrestored, kept } = rollBack(location, entries);
    if (error instanceof WriteFailedError) throw new WriteFailedError(error.file, error.reason, unrestored.length === 0, shown(kept));
    if (unrestored.length > 0) throw new RollbackFailedError(shown(unrestored), error === undefined ? 'verify failed' : describe(error));
    if (error !== undefined) throw error;
    return shown(kept);
  };
  let failure: { error: unknown } | undefined;
  let interrupted = false;
  try {
    for (const [i, write] of planned.entries()) {
      if (await abortHeard(options.signal)) {
        interrupted = true;
        break;
      }
      try {
        writeTarget(write);
      } catch (error) {
        throw new WriteFailedError(write.shown, describe(error), true);
      }
      written.push(manifest.files[i]);
      await options.onFileWritten?.(write.target, written.length, planned.length);
    }
  } catch (error) {
    failure = { error };
  }
  if (failure) undo(written, failure.error);
  if (interrupted) return { status: 'rolled-back', interrupted, ...keptField(undo(written)) };

  if (!options.verify) return finish(location, manifest, options, {});
  let outcome: VerifyOutcome;
  try {
    outcome = await options.verify();
  } catch (error) {
    undo(manifest.files, error);
    throw error;
  }
  if (await abortHeard(options.signal)) return { status: 'rolled-back', interrupted: true, verifyOutput: outcome.output, ...keptField(undo(manifest.files)) };
  if (outcome.ok) return finish(location, manifest, options, { verifyOutput: outcome.output });
  return { status: 'rolled-back', verifyOutput: outcome.output, ...keptField(undo(manifest.files)) };
}

/** A batch written (and verified): what must outlive it is recorded, then its journal goes. */
function finish(location: StateLocation, manifest: JournalManifest, options: ApplyBatchOptions, result: Omit<ApplyBatchResult, 'status'>): ApplyBatchResult {
  try {
    options.onDone?.();
  } catch (error) {
    const { unrestored } = rollBack(location, manifest.files);
    if (unrestored.length > 0) throw new RollbackFailedError(unrestored.map((entry) => entry.path), describe(error));
    throw error;
  }
  removeJournal(location);
  return { status: 'written', ...result };
}

function keptField(kept: string[]): Pick<ApplyBatchResult, 'kept'> {
  return kept.length > 0 ? { kept } : {};
}


/** What `check` may say about an interrupted batch without touching anything. */
export type JournalState = { label: string; pid: number; files: number } | { damaged: string };

/** The interrupted batch's journal, read and left as it is; null when there is none. */
export function inspectJournal(root: string): JournalState | null {
  const location = stateLocation(root);
  if (!existingStateDir(location)) return null;
  const journal = journalIn(location);
  if (!fs.existsSync(path.join(journal, MANIFEST))) return null;
  try {
    const manifest = readManifest(journal);
    return { label: manifest.label, pid: manifest.pid, files: manifest.files.length };
  } catch (error) {
    if (error instanceof DamagedJournalError) return { damaged: error.reason };
    throw error;
  }
}

/**
 * Undoes an interrupted batch, if there is one. Files that hold neither their original nor what the batch
 * wrote were edited since; they are not overwritten unless `force` is set. A journal that cannot be used
 * is refused (`force` sets it aside). Running it twice is harmless: the journal goes only after every
 * file is back.
 */
export function recoverJournal(lock: Lock, options: { force?: boolean } = {}): RecoveryResult | null {
  const { location } = lock;
  lock.assertHeld();
  removeAbandonedDrafts(location);
  const journal = journalIn(location);
  if (!fs.existsSync(path.join(journal, MANIFEST))) {
    // A journal without a manifest cannot have been published by the rename; it is debris.
    if (fs.existsSync(journal)) removeJournal(location);
    return null;
  }
  let manifest: JournalManifest;
  let places: Map<JournalEntry, string>;
  try {
    manifest = readManifest(journal);
    places = new Map(manifest.files.map((entry) => [entry, placeOf(location, journal, entry, !!options.force)]));
  } catch (error) {
    if (!(error instanceof DamagedJournalError) || !options.force) throw error;
    const setAside = `${journal}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(journal, setAside);
    return { label: '(damaged journal)', pid: -1, restored: [], setAside };
  }

  const edited = manifest.files.filter((entry) => {
    const hash = currentHash(places.get(entry)!);
    return hash !== entry.originalHash && hash !== entry.afterHash;
  });
  if (edited.length > 0 && !options.force) throw new RecoveryConflictError(edited.map((entry) => entry.path));
  for (const entry of manifest.files) checkOriginal(journal, entry);

  const restored = manifest.files.filter((entry) => restoreEntry(location, journal, entry));
  removeJournal(location);
  return { label: manifest.label, pid: manifest.pid, restored: restored.map((entry) => entry.path) };
}

interface PlannedWrite {
  target: string;
  /** Relative to the registry's folder, as messages name it. */
  shown: string;
  folder: FolderId;
  /** Bytes on disk now, as text; null when the file does not exist. */
  current: string | null;
  originalBytes: Buffer | null;
  owner: FileOwner | null;
  entry: JournalEntry;
  after: string;
}

function planWrite(location: StateLocation, root: string, write: BatchWrite): PlannedWrite {
  if (!path.isAbsolute(write.path)) throw new TypeError(`batch paths must be absolute, got ${write.path}`);
  const target = realTarget(write.path);
  if (target === root || !isInside(root, target) || !isInside(location.tree, target)) throw new OutsideRootError(write.path);
  const shown = relativePosix(root, target);
  let place;
  try {
    place = placeInTree(location.tree, relativePosix(location.tree, target));
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error;
    throw new StaleFileError(shown, /does not exist$/.test(error.reason) ? 'no longer exists: its folder was removed since the batch was planned' : `can no longer be reached inside the tree (${error.reason})`);
  }
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  const read = readRegularFile(target);
  if (read === 'not-a-file') throw new StaleFileError(shown, 'is no longer a regular file');
  const originalBytes = read;
  const expected = write.before === null ? null : sha256(Buffer.from(write.before, 'utf8'));
  const actual = originalBytes === null ? null : sha256(originalBytes);
  // Named like the other batch errors: relative to the root, as the user sees it in the plan.
  if (expected !== actual) throw new StaleFileError(shown, staleReason(target, write.before, originalBytes));
  const mode = stat && originalBytes !== null ? stat.mode & 0o7777 : null;
  const owner = stat && originalBytes !== null ? { uid: stat.uid, gid: stat.gid } : null;
  return {
    target,
    shown,
    folder: place.folder,
    current: write.before,
    originalBytes,
    owner,
    entry: {
      path: relativePosix(location.tree, target),
      original: null,
      originalHash: actual,
      mode,
      ...(owner ?? {}),
      afterHash: sha256(Buffer.from(write.after, 'utf8')),
    },
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

function writeJournal(lock: Lock, label: string, planned: PlannedWrite[]): JournalManifest {
  const dir = lock.location.dir;
  const draft = path.join(dir, `${JOURNAL}.draft-${process.pid}`);
  fs.rmSync(draft, { recursive: true, force: true });
  fs.mkdirSync(path.join(draft, ORIGINALS), { recursive: true, mode: 0o700 });

  const files = planned.map((write, i): JournalEntry => {
    if (write.originalBytes === null) return write.entry;
    const original = String(i);
    writeFileDurably(path.join(draft, ORIGINALS, original), write.originalBytes, 0o600);
    return (write.entry = { ...write.entry, original });
  });
  const manifest: JournalManifest = { version: 2, label, pid: process.pid, startedAt: new Date().toISOString(), files };
  writeFileDurably(path.join(draft, MANIFEST), JSON.stringify(manifest, null, 2), 0o600);
  fsyncDirectory(path.join(draft, ORIGINALS));
  fsyncDirectory(draft);
  // Checked last, right before the batch becomes real: a run that lost the lock must not write.
  lock.assertHeld();
  fs.renameSync(draft, path.join(dir, JOURNAL));
  fsyncDirectory(dir);
  return manifest;
}

/**
 * Writes one file, in the folder that was checked when the batch was planned: if the path now leads
 * elsewhere (a folder swapped for a link), or the file changed since, nothing is written.
 */
function writeTarget(write: PlannedWrite): void {
  const { mode, originalHash } = write.entry;
  if (mode !== null && (mode & 0o222) === 0) {
    // A rename would replace a read-only file without complaint; the user made it read-only for a reason.
    throw new Error('the file is read-only');
  }
  const euid = process.geteuid?.();
  if (write.owner && euid !== undefined && euid !== 0 && write.owner.uid !== euid) {
    throw new Error(`it belongs to another user (uid ${write.owner.uid}), and a rewritten file would belong to you`);
  }
  try {
    replaceFileIfUnchanged(write.target, originalHash, write.after, { mode: mode ?? 0o644, owner: write.owner ?? undefined, folder: write.folder });
  } catch (error) {
    // Changed before the check, or saved into while it was replaced (that save is put back): either way it is the user's now.
    if (error instanceof FileChangedError) throw new Error('it changed since the batch was planned');
    throw error;
  }
}

/**
 * Puts the given files back, each only while it holds what the batch wrote: a file changed since (by the
 * verify command or by the user) is kept. Returns those it could not restore (the journal is then kept
 * for them) and those it kept.
 */
function rollBack(location: StateLocation, entries: JournalEntry[]): { unrestored: JournalEntry[]; kept: JournalEntry[] } {
  const journal = journalIn(location);
  const unrestored: JournalEntry[] = [];
  const kept: JournalEntry[] = [];
  for (const entry of entries) {
    try {
      const file = placeOf(location, journal, entry, false);
      const hash = currentHash(file);
      if (hash !== entry.afterHash && hash !== entry.originalHash) kept.push(entry);
      else restoreEntry(location, journal, entry);
    } catch {
      unrestored.push(entry);
    }
  }
  if (unrestored.length === 0) removeJournal(location);
  return { unrestored, kept };
}

/** The file an entry names, checked to lie inside the tree with no link on the way. */
function placeOf(location: StateLocation, journal: string, entry: JournalEntry, createFolders: boolean): string {
  try {
    return placeInTree(location.tree, entry.path, { createFolders }).file;
  } catch (error) {
    if (error instanceof UnsafePathError && /does not exist$/.test(error.reason)) return path.join(location.tree, entry.path);
    if (error instanceof UnsafePathError) throw new DamagedJournalError(journal, `it names ${JSON.stringify(entry.path)}, which ${error.reason}`);
    throw error;
  }
}

/** An original must be the bytes its hash was taken of: a journal is never trusted to say what to write. */
function checkOriginal(journal: string, entry: JournalEntry): void {
  if (entry.original === null) return;
  const bytes = readRegularFile(path.join(journal, ORIGINALS, entry.original));
  if (bytes === null || bytes === 'not-a-file' || sha256(bytes) !== entry.originalHash) {
    throw new DamagedJournalError(journal, `the original of ${entry.path} is missing or does not match its hash`);
  }
}

/**
 * Brings one file back to its original bytes and mode (its owner kept); idempotent; true when it changed
 * something on disk.
 */
function restoreEntry(location: StateLocation, journal: string, entry: JournalEntry): boolean {
  // A file the batch created, whose folder is gone since: there is nothing to remove.
  if (entry.original === null && !fs.existsSync(path.dirname(path.join(location.tree, entry.path)))) return false;
  const place = placeInTree(location.tree, entry.path, { createFolders: entry.original !== null });
  const target = place.file;
  for (const leftover of leftoverTemporaries(target)) fs.rmSync(leftover, { force: true });
  const hash = currentHash(target);
  if (entry.original === null) {
    if (hash === null) return false;
    inFolder(path.dirname(target), place.folder, (at) => {
      fs.rmSync(at(path.basename(target)), { force: true });
      fsyncDirectory(at('.'));
    });
    return true;
  }
  const mode = (entry.mode ?? 0o644) & 0o777;
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (hash === entry.originalHash && stat) {
    if ((stat.mode & 0o777) === mode) return false;
    inFolder(path.dirname(target), place.folder, (at) => fs.chmodSync(at(path.basename(target)), mode));
    return true;
  }
  const bytes = readRegularFile(path.join(journal, ORIGINALS, entry.original));
  if (bytes === null || bytes === 'not-a-file' || sha256(bytes) !== entry.originalHash) {
    throw new DamagedJournalError(journal, `the original of ${entry.path} is missing or does not match its hash`);
  }
  const owner = stat && !stat.isSymbolicLink() ? { uid: stat.uid, gid: stat.gid } : entry.uid !== undefined && entry.gid !== undefined ? { uid: entry.uid, gid: entry.gid } : undefined;
  replaceFileAtomically(target, bytes, { mode, owner, folder: place.folder });
  return true;
}

/** Renamed away first so that a crash while deleting never leaves a half-empty journal that looks valid. */
function removeJournal(location: StateLocation): void {
  const journal = journalIn(location);
  const trash = path.join(location.dir, `${JOURNAL}.trash-${process.pid}-${Date.now()}`);
  try {
    fs.renameSync(journal, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  fsyncDirectory(location.dir);
  fs.rmSync(trash, { recursive: true, force: true });
}

/**
 * Drafts never published, trash never emptied and temporary files: only a run holding the lock writes
 * them, and the caller holds it, so any left are a dead run's.
 */
function removeAbandonedDrafts(location: StateLocation): void {
  const dir = location.dir;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${JOURNAL}.draft-`) || name.startsWith(`${JOURNAL}.trash-`) || /^\.ssot-codemod-\d+-[0-9a-f]+\.tmp$/.test(name)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

function readManifest(journal: string): JournalManifest {
  const file = path.join(journal, MANIFEST);
  const bytes = readRegularFile(file);
  if (bytes === null || bytes === 'not-a-file') throw new DamagedJournalError(journal, `${MANIFEST} is not a regular file`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DamagedJournalError(journal, bytes.length === 0 ? `${MANIFEST} is empty` : `${MANIFEST} is not JSON (cut short?)`);
  }
  const problem = manifestProblem(manifest);
  if (problem) throw new DamagedJournalError(journal, problem);
  return manifest as JournalManifest;
}

/** What makes a manifest unusable, or null: each field is checked, since anything may have been written there. */
function manifestProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${MANIFEST} is not an object`;
  const manifest = value as Record<string, unknown>;
  if (manifest.version !== 1 && manifest.version !== 2) return `its version ${JSON.stringify(manifest.version)} is not one this version of ssot-codemod reads`;
  if (typeof manifest.label !== 'string') return 'it has no label';
  if (!Number.isInteger(manifest.pid)) return 'it names no pid';
  if (!Array.isArray(manifest.files)) return 'it lists no files';
  const seen = new Set<string>();
  for (const [i, entry] of (manifest.files as unknown[]).entries()) {
    const problem = entryProblem(entry);
    if (problem) return `file entry ${i} ${problem}`;
    const { path: file } = entry as JournalEntry;
    if (seen.has(file)) return `it names ${file} twice`;
    seen.add(file);
  }
  return null;
}

function entryProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not an object';
  const entry = value as Record<string, unknown>;
  const unsafe = unsafeRelativePath(entry.path);
  if (unsafe) return `has a path that ${unsafe}: ${JSON.stringify(entry.path)}`;
  if (!(entry.original === null || (typeof entry.original === 'string' && /^\d+$/.test(entry.original)))) return 'names its original wrongly';
  if ((entry.original === null) !== (entry.originalHash === null)) return 'has an original without a hash, or a hash without an original';
  if (entry.originalHash !== null && !(typeof entry.originalHash === 'string' && HASH.test(entry.originalHash))) return 'has no valid original hash';
  if (typeof entry.afterHash !== 'string' || !HASH.test(entry.afterHash)) return 'has no valid hash of what was written';
  if (!(entry.mode === null || (Number.isInteger(entry.mode) && (entry.mode as number) >= 0 && (entry.mode as number) <= 0o7777))) return 'has no valid mode';
  for (const key of ['uid', 'gid']) {
    if (entry[key] !== undefined && !(Number.isInteger(entry[key]) && (entry[key] as number) >= 0)) return `has no valid ${key}`;
  }
  return null;
}

function currentHash(file: string): string | null {
  const bytes = readRegularFile(file);
  if (bytes === 'not-a-file') return 'not-a-file';
  return bytes === null ? null : sha256(bytes);
}

function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (error instanceof FolderChangedError) return 'its folder was replaced since the batch was planned (a link put in its place?)';
  if (err?.code === 'ENOENT') return 'its folder no longer exists';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOSPC') return 'the disk is full';
  return err?.message ?? String(error);
}
