/**
 * The project's own prettier: resolved from the file being rewritten, the way the project's scripts find
 * it (its `node_modules`, then its parents'), never a copy of ours. prettier 3's API is asynchronous and
 * the engine is not, so each call goes to a worker thread (prettier-worker.js) and waits for its answer
 * (synckit). The thread starts at the first call, once per thread of ours, so a run that rewrites no file
 * of a project with prettier never loads it.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isInside, realPathOr } from '../../shared/paths';

/** What the project's prettier resolves for one file: `prettier --check` formats it with `defaults` overlaid by `options`. */
export interface PrettierConfig {
  version: string;
  /** The configuration file that applies (`.prettierrc*`, `prettier.config.*`, a `package.json` with `prettier`); null if none. */
  configFile: string | null;
  /** Its options for this file, overrides and `.editorconfig` included (as `prettier --check` reads them); null if none. */
  options: Record<string, unknown> | null;
  /** Every option's default in this version of prettier (trailing commas differ between 2 and 3). */
  defaults: Record<string, unknown>;
}

type Call =
  | { kind: 'config'; entry: string; file: string }
  | { kind: 'format' | 'check'; entry: string; text: string; options: Record<string, unknown> };

const entries = new Map<string, string | null>();
let worker: ((call: Call) => unknown) | undefined;

/**
 * The entry point of the prettier installed where `file` is, or null when the project has none. Node looks
 * for it in every parent folder's node_modules, up to the disk's root; one found outside `tree` (a home
 * folder's, a link out of it) is not the project's and is never loaded: it would run code from outside.
 */
export function projectPrettier(file: string, tree: string | undefined): string | null {
  // Without a tree (`check`, whose output nobody sees) no prettier is the project's: none is even looked for.
  if (tree === undefined) return null;
  const dir = path.dirname(file);
  const key = `${tree}\0${dir}`;
  let entry = entries.get(key);
  if (entry === undefined) {
    entry = resolvePrettierFrom(dir);
    if (entry !== null && !isInside(tree, realPathOr(entry))) entry = null;
    entries.set(key, entry);
  }
  return entry;
}

const resolved = new Map<string, string | null>();

/**
 * What `require.resolve('prettier')` gives in `dir`. Node looks in `dir/node_modules`, then in its parents'
 * (a package's own name is looked up from its package.json): a folder with neither has its parent's answer,
 * so that a thousand folders of one project ask Node once.
 */
function resolvePrettierFrom(dir: string): string | null {
  let entry = resolved.get(dir);
  if (entry !== undefined) return entry;
  const parent = path.dirname(dir);
  if (parent !== dir && !fs.existsSync(path.join(dir, 'node_modules')) && !fs.existsSync(path.join(dir, 'package.json'))) {
    entry = resolvePrettierFrom(parent);
  } else {
    try {
      entry = createRequire(path.join(dir, 'noop.js')).resolve('prettier');
    } catch {
      entry = null;
    }
  }
  resolved.set(dir, entry);
  return entry;
}

function call<T>(request: Call): T {
  // Plain JavaScript: it runs as it is from the sources (tests), and the build (allowJs) emits it beside this file.
  // synckit too is loaded at the first call: a run that asks no prettier anything never loads it.
  worker ??= (require('synckit') as typeof import('synckit')).createSyncFn(path.join(__dirname, 'prettier-worker.js'));
  return worker(request) as T;
}

/** The configuration `entry`'s prettier resolves for `file`. Throws what prettier throws (a malformed configuration). */
export function prettierConfig(entry: string, file: string): PrettierConfig {
  return call<PrettierConfig>({ kind: 'config', entry, file });
}

/** Whether `text` is as `entry`'s prettier formats it with `options` (which name the file): `prettier --check`. */
export function prettierCheck(entry: string, text: string, options: Record<string, unknown>): boolean {
  try {
    return call<boolean>({ kind: 'check', entry, text, options });
  } catch {
    // A file prettier cannot parse (a syntax it does not know) is not prettier's.
    return false;
  }
}

/** `text` formatted by `entry`'s prettier with `options` (which name the file, for its parser). */
export function prettierFormat(entry: string, text: string, options: Record<string, unknown>): string {
  return call<string>({ kind: 'format', entry, text, options });
}
