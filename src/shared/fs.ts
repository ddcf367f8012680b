/** Small file-system helpers: existence tests, optional reads, and writes that survive a crash. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toPosix, unsafeRelativePath } from './paths';

export function isFile(p: string): boolean {
  return statIfPresent(p)?.isFile() ?? false;
}

export function isDirectory(p: string): boolean {
  return statIfPresent(p)?.isDirectory() ?? false;
}

/** Nothing there: no entry, or a path that goes through a file (`a.py/__init__.py`, ENOTDIR). */
function statIfPresent(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The file's text; null when there is no file. Any other failure (no permission, a folder) is thrown. */
export function readTextIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The file's text; null when it cannot be read at all: for files that are only hints (a .gitignore, a marker). */
export function readTextIfReadable(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * A JSON file holding an object (a package.json, say); null when it is missing, unreadable, not JSON, or
 * JSON but not an object (an array, a string, null).
 */
export function readJsonObject(file: string): Record<string, unknown> | null {
  const text = readTextIfReadable(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

export function sha256(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes a new file and flushes it. The file must not exist (a name left by a dead run is removed first),
 * and a link in its place is never followed.
 */
export function writeFileDurably(file: string, bytes: Buffer | string, mode?: number, owner?: FileOwner): void {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NO_FOLLOW;
  let fd: number;
  try {
    fd = fs.openSync(file, flags, mode ?? 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.rmSync(file, { force: true });
    fd = fs.openSync(file, flags, mode ?? 0o666);
  }
  try {
    fs.writeFileSync(fd, bytes);
    // The umask may have narrowed the mode given to open().
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    if (owner) keepOwner(fd, owner);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file's owner and group, kept when the file is replaced. */
export interface FileOwner {
  uid: number;
  gid: number;
}

function keepOwner(fd: number, owner: FileOwner): void {
  const stat = fs.fstatSync(fd);
  if (stat.uid !== owner.uid || stat.gid !== owner.gid) fs.fchownSync(fd, owner.uid, owner.gid);
}

const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

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

/**
 * The temporary sibling a file is written to before it is renamed over it: `.ssot-codemod-<pid>-<hash of
 * the name>.tmp`, so that it fits in a folder entry however long the name is (NAME_MAX is 255 bytes), and
 * so that the leftovers of any run, whatever its pid, can be found by the name they stand for.
 */
export function temporarySibling(file: string, pid: number): string {
  return path.join(path.dirname(file), `.ssot-codemod-${pid}-${nameHash(path.basename(file))}.tmp`);
}

/** The temporary siblings of `file` left by any process: what a run killed while replacing it leaves. */
export function leftoverTemporaries(file: string): string[] {
  const pattern = new RegExp(`^\\.ssot-codemod-\\d+-${nameHash(path.basename(file))}\\.tmp$`);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).map((name) => path.join(path.dirname(file), name));
}

function nameHash(name: string): string {
  return sha256(name).slice(0, 16);
}

/** A folder as it was when it was checked: a path swapped for another folder (or a link) since is told apart. */
export interface FolderId {
  dev: number;
  ino: number;
}

export class FolderChangedError extends Error {
  readonly code = 'EFOLDERCHANGED';
  constructor(readonly dir: string) {
    super(`${dir} is no longer the folder that was checked (it was replaced, or a link put in its place)`);
    this.name = 'FolderChangedError';
  }
}

/** Linux names an open folder `/proc/self/fd/<fd>`: a path that cannot be redirected once the folder is open. */
const OPEN_FOLDER_PATHS = fs.existsSync('/proc/self/fd');

/**
 * Runs `work` on the folder `dir`, which must still be the folder `expected` names. Where the system can
 * name an open folder (Linux), `work` gets paths through the open folder: a path swapped for a link
 * after the check cannot redirect them. Elsewhere the folder is checked just before `work`.
 */
export function inFolder<T>(dir: string, expected: FolderId | undefined, work: (at: (name: string) => string) => T): T {
  if (!OPEN_FOLDER_PATHS) {
    const stat = fs.lstatSync(dir);
    if (expected && (!stat.isDirectory() || stat.dev !== expected.dev || stat.ino !== expected.ino)) throw new FolderChangedError(dir);
    return work((name) => path.join(dir, name));
  }
  const fd = fs.openSync(dir, fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (expected && (stat.dev !== expected.dev || stat.ino !== expected.ino)) throw new FolderChangedError(dir);
    return work((name) => `/proc/self/fd/${fd}/${name}`);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReplaceOptions {
  mode: number;
  /** Keep this owner and group (a run as root must not hand a user's file to root). */
  owner?: FileOwner;
  /** The folder as it was checked: the write is refused if the path now leads elsewhere. */
  folder?: FolderId;
}

/**
 * Replaces `file` with `bytes` in one rename, so a reader (or a crash) sees either the old or the new
 * content, never half of it. The temporary file and the rename stay in the folder that was checked.
 */
export function replaceFileAtomically(file: string, bytes: Buffer | string, options: ReplaceOptions): void {
  const name = path.basename(file);
  const temporary = path.basename(temporarySibling(file, process.pid));
  inFolder(path.dirname(file), options.folder, (at) => {
    try {
      writeFileDurably(at(temporary), bytes, options.mode, options.owner);
      fs.renameSync(at(temporary), at(name));
    } catch (error) {
      fs.rmSync(at(temporary), { force: true });
      throw error;
    }
    fsyncDirectory(at('.'));
  });
}

/** A file replaced only while it holds what was checked: it held something else, or was written meanwhile. */
export class FileChangedError extends Error {
  readonly code = 'EFILECHANGED';
  constructor(readonly file: string) {
    super(`${file} changed since it was checked`);
    this.name = 'FileChangedError';
  }
}

/**
 * Replaces `file` with `bytes` only while it holds what `expectedHash` names (null: no file), and loses
 * nothing written into it meanwhile. A check then a rename leaves a window in which an editor saving in
 * place writes into the file we are about to replace; so the file is opened before it is checked and held
 * until it has been replaced, and whatever reached it meanwhile shows through that handle: it is put back,
 * and FileChangedError is thrown. A file that is to be new is linked into place, which fails if one
 * appeared meanwhile.
 */
export function replaceFileIfUnchanged(file: string, expectedHash: string | null, bytes: Buffer | string, options: ReplaceOptions): void {
  const name = path.basename(file);
  const temporary = path.basename(temporarySibling(file, process.pid));
  inFolder(path.dirname(file), options.folder, (at) => {
    const held = openRegularFile(at(name));
    try {
      const checked = held === null ? null : held === 'not-a-file' ? 'not-a-file' : readWhole(held);
      if ((checked === null || checked === 'not-a-file' ? checked : sha256(checked)) !== expectedHash) throw new FileChangedError(file);
      try {
        writeFileDurably(at(temporary), bytes, options.mode, options.owner);
        if (held === null) createByLink(at(temporary), at(name), file);
        else fs.renameSync(at(temporary), at(name));
      } finally {
        fs.rmSync(at(temporary), { force: true });
      }
      fsyncDirectory(at('.'));
      if (typeof held !== 'number' || !Buffer.isBuffer(checked)) return;
      const late = readWhole(held);
      if (late.equals(checked)) return;
      // Saved into the file between our check and our rename: their bytes go back where they were.
      writeFileDurably(at(temporary), late, options.mode, options.owner);
      fs.renameSync(at(temporary), at(name));
      fsyncDirectory(at('.'));
      throw new FileChangedError(file);
    } finally {
      if (typeof held === 'number') fs.closeSync(held);
    }
  });
}

/** Links a new file into place: unlike a rename, it fails when a file appeared there meanwhile. */
function createByLink(from: string, to: string, shown: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileChangedError(shown);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // File systems without hard links: the check just made has to do.
    fs.renameSync(from, to);
  }
}

/** An open descriptor of a regular file, never through a link: null when there is none. */
function openRegularFile(file: string): number | null | 'not-a-file' {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') return 'not-a-file';
    throw error;
  }
  if (fs.fstatSync(fd).isFile()) return fd;
  fs.closeSync(fd);
  return 'not-a-file';
}

/** All of an open file's bytes, from its start, however often it was read before. */
function readWhole(fd: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ;) {
    const chunk = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
}

/**
 * A file's bytes, never through a link: null when there is no file; a link or anything but a regular file
 * reads as `not-a-file`.
 */
export function readRegularFile(file: string): Buffer | null | 'not-a-file' {
  const fd = openRegularFile(file);
  if (fd === null || fd === 'not-a-file') return fd;
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Where a file sits under a tree, checked: its folder as it was then, and its name. */
export interface TreePlace {
  file: string;
  folder: FolderId;
}

export class UnsafePathError extends Error {
  constructor(
    readonly relative: string,
    readonly reason: string,
  ) {
    super(`${relative}: ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/**
 * `relative` under `tree` (a real path), walked one folder at a time: each must be a real folder, not a
 * link, so that nothing reached is outside the tree. `createFolders` makes the missing ones (a folder
 * deleted since), each checked as it is made.
 */
export function placeInTree(tree: string, relative: string, options: { createFolders?: boolean } = {}): TreePlace {
  const problem = unsafeRelativePath(relative);
  if (problem) throw new UnsafePathError(String(relative), problem);
  const segments = relative.split('/');
  let dir = tree;
  let stat = fs.lstatSync(dir);
  for (const segment of segments.slice(0, -1)) {
    dir = path.join(dir, segment);
    let next = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!next && options.createFolders) {
      inFolder(path.dirname(dir), stat, (at) => fs.mkdirSync(at(segment)));
      next = fs.lstatSync(dir);
    }
    if (!next) throw new UnsafePathError(relative, `its folder ${toPosix(path.relative(tree, dir))} does not exist`);
    if (next.isSymbolicLink()) throw new UnsafePathError(relative, `passes through a link (${toPosix(path.relative(tree, dir))})`);
    if (!next.isDirectory()) throw new UnsafePathError(relative, `${toPosix(path.relative(tree, dir))} is not a folder`);
    stat = next;
  }
  return { file: path.join(dir, segments[segments.length - 1]), folder: { dev: stat.dev, ino: stat.ino } };
}
