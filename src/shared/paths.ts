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

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
