/** Path and ordering helpers, one copy each, so that every module decides "inside", spells and orders paths alike. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Whether `p` is `dir` or lies under it (lexically: links are the caller's business). Only a `..` segment
 * leads out: `..foo` is a folder name like any other. A relative result that is absolute (another drive
 * on Windows) is outside.
 */
export function isInside(dir: string, p: string): boolean {
  const relative = path.relative(dir, p);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * `dir` ending in one separator. A resolved (normalized, absolute) path other than `dir` itself lies under
 * `dir` exactly when it starts with this: what isInside says of such paths, without a path.relative for
 * each of 100,000 files. (The root `/` starts with its own prefix: callers that may meet `dir` itself say so.)
 */
export function folderPrefix(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

/** A path of this platform with `/` between its segments (a no-op on POSIX, where `\` is part of a name). */
export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `to` relative to `from`, with `/` between its segments: how reports, patches and git name a file. */
export function relativePosix(from: string, to: string): string {
  return toPosix(path.relative(from, to));
}

/**
 * Every `\` made a `/`, whatever the platform. Unlike toPosix this also rewrites a `\` that POSIX allows
 * inside a name, for paths that may have been written on Windows.
 */
export function toForwardSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface RealPathOptions {
  /**
   * false: Node's own walk (fs.realpathSync) rather than the system's realpath (fs.realpathSync.native). The
   * two can spell a path differently (letter case on a case-insensitive disk, Windows drive names), so the
   * paths one module compares must all come from the same one.
   */
  native?: boolean;
  /** What a path that cannot be made real stands for; default: itself, resolved. */
  fallback?: (p: string) => string;
}

/** `p` with every link on its way followed; the fallback when that fails (missing, a broken link, no permission). */
export function realPathOr(p: string, options: RealPathOptions = {}): string {
  try {
    return options.native === false ? fs.realpathSync(p) : fs.realpathSync.native(p);
  } catch {
    return options.fallback ? options.fallback(p) : path.resolve(p);
  }
}

/**
 * `p` with its folder made real and its own name kept: a link stays the link (a file of its own to git),
 * and a file not yet written gets the place it will be written at.
 */
export function realParentPath(p: string, options: Pick<RealPathOptions, 'native'> = {}): string {
  return path.join(realPathOr(path.dirname(p), options), path.basename(p));
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Why `relative` (forward slashes) cannot name a file under a folder, or null when it can: it must be
 * relative, with no `..`, `.` or empty segment and no NUL. A path read from anything on disk is checked
 * with this before it is joined to a folder.
 */
export function unsafeRelativePath(relative: unknown): string | null {
  if (typeof relative !== 'string' || relative === '') return 'not a path';
  if (relative.includes('\0')) return 'holds a NUL byte';
  if (relative.startsWith('/') || path.isAbsolute(relative)) return 'is absolute';
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..')) return 'leads out through ".."';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or "." segment';
  if (path.sep !== '/' && relative.includes(path.sep)) return `holds "${path.sep}"`;
  return null;
}
