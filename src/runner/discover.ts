/**
 * Which files a run works on: the registry's include globs minus its exclude globs, minus what is never
 * source (dependencies, build output, git's and our journal's folders, .gitignore'd files), narrowed to
 * the paths named on the command line. Links are handled so that nothing outside the registry's folder
 * is read or written, and no file is processed twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, type GlobOptions } from 'tinyglobby';
import { GitignoreRules } from './gitignore';
import type { Registry } from '../registry/types';
import { compareStrings as compare, isInside, realPathOr, relativePosix, toPosix } from '../shared/paths';

/** A file (or a path asked for) that is not processed, and why. */
export interface SkipNote {
  /** Absolute path. */
  file: string;
  reason: string;
}

export interface DiscoveredFiles {
  /** Absolute paths, sorted, each file once. */
  files: string[];
  notes: SkipNote[];
}

export interface DiscoverOptions {
  /** What relative `paths` are relative to; default process.cwd(). */
  cwd?: string;
}

/** Folders that never hold the project's own sources, at any depth. */
const NEVER_SOURCE = ['**/node_modules/**', '**/.git/**', '**/.ssot-codemod/**'];

/**
 * Build output folders. Only at the registry's folder and at a package's folder (one with a
 * package.json), because `src/commands/build/` is a perfectly good source folder.
 */
const BUILD_FOLDERS = ['dist', 'build', 'out', 'coverage'];

const NOT_INCLUDED = "not included by the registry (its include/exclude globs, .gitignore, or a folder that is never source)";

/** One listed path and the file it stands for (itself, or a link's target), or why it stands for none. */
interface Entry {
  listed: string;
  processAs: string | null;
  note?: string;
}

export function discoverFiles(registry: Registry, paths?: string[], options: DiscoverOptions = {}): DiscoveredFiles {
  const root = path.resolve(registry.root);
  const realRoot = realPathOr(root);
  const links = new Map<string, string>();
  const listed = globSync(registry.include, {
    cwd: root,
    ignore: [...registry.exclude, ...NEVER_SOURCE, ...BUILD_FOLDERS.map((f) => `${f}/**`), ...registry.resolver.systems.flatMap((system) => system.ignoredGlobs())],
    fs: linkAwareFs(links),
  });
  const gitignore = new GitignoreRules(root);
  const isPackageBuildOutput = packageBuildOutputTest(root);
  // The registry's globs stay inside its folder (checked when it is loaded); a glob's own tricks must not
  // lead out either.
  const kept = listed
    .map((relative) => path.join(root, relative))
    .filter((file) => isInside(root, file) && !gitignore.ignores(file) && !isPackageBuildOutput(file))
    .sort();

  const regular = new Set(kept.filter((file) => !links.has(file)));
  const entries: Entry[] = kept.map((file) => {
    const target = links.get(file);
    if (target === undefined) return { listed: file, processAs: file };
    if (!isInside(realRoot, target)) {
      return { listed: file, processAs: null, note: `link leads outside the registry's folder (to ${target}): not followed` };
    }
    const inRoot = path.join(root, path.relative(realRoot, target));
    const shown = relativePosix(root, inRoot);
    return regular.has(inRoot)
      ? { listed: file, processAs: inRoot, note: `link to ${shown}: that file is processed once, by its real path` }
      : { listed: file, processAs: null, note: `link to ${shown}, which the registry does not include: not followed` };
  });

  const notes: SkipNote[] = [];
  const scopes = paths && paths.length > 0 ? scopesOf(paths, path.resolve(options.cwd ?? process.cwd()), root, realRoot, notes) : null;
  // A link is in scope when either it or the file it stands for is.
  const covers = (scope: Scope, entry: Entry): boolean =>
    scope.covers(entry.listed) || (entry.processAs !== null && scope.covers(entry.processAs));
  const inScope = (entry: Entry): boolean => !scopes || scopes.some((scope) => covers(scope, entry));

  const files = new Set<string>();
  for (const entry of entries.filter(inScope)) {
    if (entry.processAs) files.add(entry.processAs);
    if (entry.note) notes.push({ file: entry.listed, reason: entry.note });
  }
  for (const scope of scopes ?? []) {
    if (!entries.some((entry) => covers(scope, entry))) {
      notes.push({ file: scope.asked, reason: scope.isDirectory ? 'no file here is included by the registry' : NOT_INCLUDED });
    }
  }
  notes.sort((a, b) => compare(a.file, b.file) || compare(a.reason, b.reason));
  return { files: [...files].sort(), notes };
}

interface Scope {
  /** The path as asked for, made absolute. */
  asked: string;
  isDirectory: boolean;
  covers(file: string): boolean;
}

/** The `paths` given on the command line, each as the file or folder it designates under the root. */
function scopesOf(paths: string[], cwd: string, root: string, realRoot: string, notes: SkipNote[]): Scope[] {
  const scopes: Scope[] = [];
  for (const given of paths) {
    const asked = path.resolve(cwd, given);
    const stat = fs.statSync(asked, { throwIfNoEntry: false });
    if (!stat) {
      notes.push({ file: asked, reason: 'no such file or folder' });
      continue;
    }
    const real = realPathOr(asked);
    if (!isInside(realRoot, real)) {
      notes.push({ file: asked, reason: `outside the registry's folder (${root}): not processed` });
      continue;
    }
    // Files are listed under `root` as written, with no linked folder on the way: name the scope alike.
    const inRoot = path.join(root, path.relative(realRoot, real));
    const covers = stat.isDirectory()
      ? (file: string) => isInside(inRoot, file)
      : (file: string) => file === inRoot || file === asked;
    scopes.push({ asked, isDirectory: stat.isDirectory(), covers });
  }
  return scopes;
}

/**
 * tinyglobby either follows every link (into linked folders too, even outside the tree) or drops them
 * all. Its `fs` override lets us keep linked files, under their own path, while never entering a linked
 * folder: a link's real path is recorded in `links`, a folder link is refused, and a broken link is
 * dropped (there is nothing to read).
 */
function linkAwareFs(links: Map<string, string>): GlobOptions['fs'] {
  const realpathSync = (link: string): string => {
    const real = fs.realpathSync.native(link);
    if (fs.statSync(real).isDirectory()) throw new Error(`${link}: a linked folder is never followed`);
    links.set(path.resolve(link), real);
    return link;
  };
  return { realpathSync } as unknown as GlobOptions['fs'];
}

/** Whether a file lies in a build output folder of a nested package (`packages/x/dist/…`). */
function packageBuildOutputTest(root: string): (file: string) => boolean {
  const isPackage = new Map<string, boolean>();
  const hasManifest = (dir: string): boolean => {
    let found = isPackage.get(dir);
    if (found === undefined) isPackage.set(dir, (found = fs.existsSync(path.join(dir, 'package.json'))));
    return found;
  };
  return (file) => {
    const segments = path.relative(root, file).split(path.sep).slice(0, -1);
    return segments.some((segment, i) => i > 0 && BUILD_FOLDERS.includes(segment) && hasManifest(path.join(root, ...segments.slice(0, i))));
  };
}
