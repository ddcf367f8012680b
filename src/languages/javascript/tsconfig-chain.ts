/**
 * A tsconfig is the repository's, as untrusted as the rest of it: its `extends` may name any file
 * (`../../outside.json`, `/etc/…`, a link), and get-tsconfig reads wherever it leads. So the chain is
 * walked first, each file judged by its path before any link is followed, then by its real path; a package
 * (`@tsconfig/node20/tsconfig.json`) is looked for in the `node_modules` folders of the repository only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { isDirectory, isFile } from '../../shared/fs';
import { isInside, realPathOr } from '../../shared/paths';

/** The first `extends` of the chain from `tsconfig` that leads out of `tree`, with the file that names it; null when none does. */
export function extendsOutside(tsconfig: string, tree: string): { file: string; extends: string } | null {
  const seen = new Set<string>();
  const walk = (file: string): { file: string; extends: string } | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const named of extendsOf(file)) {
      const target = extendedFile(named, path.dirname(file), tree);
      if (target === OUTSIDE) return { file, extends: named };
      const found = target === null ? null : walk(target);
      if (found) return found;
    }
    return null;
  };
  return walk(tsconfig);
}

const OUTSIDE = Symbol('outside');

/** What a tsconfig extends; nothing when it cannot be read (get-tsconfig then says why). */
function extendsOf(file: string): string[] {
  let config: unknown;
  try {
    config = parseJsonc(fs.readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
  } catch {
    return [];
  }
  const named = (config as { extends?: unknown } | undefined)?.extends;
  return (Array.isArray(named) ? named : [named]).filter((value): value is string => typeof value === 'string');
}

/** The file `named` extends from `dir`, inside `tree`; OUTSIDE when it would be looked for or found out of it; null when it is not there. */
function extendedFile(named: string, dir: string, tree: string): string | typeof OUTSIDE | null {
  if (named.startsWith('.') || path.isAbsolute(named)) {
    const absolute = path.resolve(dir, named);
    if (!isInside(tree, absolute)) return OUTSIDE;
    return firstFile([absolute, `${absolute}.json`, path.join(absolute, 'tsconfig.json')], tree);
  }
  // A package: from `dir`'s node_modules up to the tree's, never above.
  const name = named.split('/').slice(0, named.startsWith('@') ? 2 : 1).join('/');
  for (let folder = dir; isInside(tree, folder); folder = path.dirname(folder)) {
    const packageDir = path.join(folder, 'node_modules', name);
    if (isDirectory(packageDir)) {
      if (!isInside(tree, realPathOr(packageDir))) return OUTSIDE;
      const file = path.join(folder, 'node_modules', named);
      return firstFile([file, `${file}.json`, path.join(file, 'tsconfig.json')], tree);
    }
    if (folder === tree) break;
  }
  return OUTSIDE;
}

function firstFile(candidates: string[], tree: string): string | typeof OUTSIDE | null {
  for (const candidate of candidates) {
    if (!isFile(candidate)) continue;
    const real = realPathOr(candidate);
    return isInside(tree, real) ? real : OUTSIDE;
  }
  return null;
}
