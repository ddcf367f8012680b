/** Small file-system helpers: existence tests, optional reads. */
import * as fs from 'node:fs';

export function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
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
