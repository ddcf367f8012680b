/** Small path and ordering helpers shared by discovery and reporting. */
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

/** A path of this platform with `/` between its segments (a no-op on POSIX, where `\` is part of a name). */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
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

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
