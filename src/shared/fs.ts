/** Small file-system helpers: existence tests, optional reads, and writes that survive a crash. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
