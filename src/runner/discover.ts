/**
 * Which files a run works on: the registry's include globs minus its exclude globs, minus what is never
 * source (dependencies, build output, git's and our journal's folders, .gitignore'd files), narrowed to
 * the paths named on the command line. Links are handled so that nothing outside the registry's folder
 * is read or written, and no file is processed twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern, type GlobOptions } from 'tinyglobby';
import { ignoreRulesFor } from './gitignore';
import type { Registry } from '../registry/types';
import { DEFAULT_INCLUDE, RegistryError } from '../registry/load';
import { compareStrings as compare, folderPrefix, isInside, realPathOr, relativePosix, toPosix } from '../shared/paths';
import { UserError } from '../shared/errors';

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
  /**
   * No link was met: none among the files and folders the walk went through (a linked file or folder, a
   * broken link), and the registry's folder is reached through none. Links it did not walk past (in an
   * excluded folder) are not known.
   */
  linkFree: boolean;
  /**
   * With `elsewhere`: every other JS/TS file of the registry's folder (outside `include`, excluded, or not
   * among the paths asked for; never a dependency, build output, a .gitignore'd file or a link), sorted.
   * Listed when asked, by a second walk: a runner asks once its workers have files to parse, rather than
   * keep them waiting for it (20,000 files: the walk is 65 ms).
   */
  listElsewhere?: () => string[];
}

export interface DiscoverOptions {
  /** What relative `paths` are relative to; default process.cwd(). */
  cwd?: string;
  /** Also list the files the run does not take: `check` counts their imports of legacy modules. */
  elsewhere?: boolean;
  /**
   * Ask git which files its rules ignore (one `git ls-files`); default true. False reads the .gitignore
   * files here instead: `check` starts no process at all, git included (issue 12: it changes nothing and
   * trusts nothing the repository's configuration could make git do).
   */
  git?: boolean;
  /**
   * Told, once, how many files the include globs list before .gitignore and the other filters narrow them:
   * an early estimate, for a runner that would start its worker threads while discovery goes on.
   */
  onListed?: (files: number) => void;
}

/**
 * Folders that never hold the project's own sources, at any depth: dependencies (node_modules, and
 * Yarn's own copies of them and of itself: `.yarn/`, `.pnp.cjs`), git's and our journal's folders. Every
 * other dot-folder and dot-file is a source like any other (`.storybook/`, `.eslintrc.js`). The folders are
 * one glob: the walk tests every file against each ignore glob, one regular expression apiece (20,000
 * files: 49 → 35 ms a walk).
 */
const NEVER_SOURCE = ['**/{node_modules,.git,.ssot-codemod,.yarn}/**', '**/.pnp.*'];

/**
 * Build output folders. Only at the registry's folder and at a package's folder (one with a
 * package.json), because `src/commands/build/` is a perfectly good source folder.
 */
const BUILD_FOLDERS = ['dist', 'build', 'out', 'coverage'];

const NOT_INCLUDED = "not included by the registry (its include/exclude globs, .gitignore, or a folder that is never source)";

/**
 * Nothing to work on, said rather than passed: a path asked for that does not exist, lies outside the
 * registry's folder, or holds no file the registry includes; a glob that matches nothing; no file at all.
 */
export class NothingToScanError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToScanError';
  }
}

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
  const met = { link: root !== realRoot };
  // Each folder's entries, read once for both walks (when there are two).
  const listings = options.elsewhere ? new Map<string, unknown>() : undefined;
  // Read after the first walk, whose count is the early estimate (onListed).
  let gitignore: ReturnType<typeof ignoreRulesFor> | undefined;
  const isPackageBuildOutput = packageBuildOutputTest(root);
  const rootPrefix = folderPrefix(root);
  /**
   * The files the globs list, less those `passOver` names; one path made per file and no intermediate
   * list of them all (100,000 files: each such list was tens of MB the run kept as garbage, issue 15).
   */
  // Asked once for both walks: a language's ignored globs may come from reading its configuration (tsconfig's outDir).
  const neverSource = [...NEVER_SOURCE, `{${BUILD_FOLDERS.join(',')}}/**`, ...registry.resolver.systems.flatMap((system) => system.ignoredGlobs())];
  const list = (include: string[], exclude: string[], linksFound: Map<string, string>, passOver?: (file: string) => boolean): string[] => {
    const listed = globSync(include, {
      cwd: root,
      ignore: [...exclude, ...neverSource],
      fs: linkAwareFs(linksFound, met, listings),
      // Globs match dot-folders and dot-files as git's do: `**/*.ts` takes `.storybook/main.ts`.
      dot: true,
    });
    if (gitignore === undefined) {
      options.onListed?.(listed.length);
      gitignore = ignoreRulesFor(root, { git: options.git !== false });
    }
    const files: string[] = [];
    for (const relative of listed) {
      const file = path.join(root, relative);
      // The registry's globs stay inside its folder (checked when it is loaded); a glob's own tricks must not
      // lead out either. (A joined path is normalized: see folderPrefix.)
      if (!file.startsWith(rootPrefix) || passOver?.(file)) continue;
      if (!gitignore.ignores(file) && !isPackageBuildOutput(file)) files.push(file);
    }
    return files.sort();
  };
  const kept = list(registry.include, registry.exclude, links);
  checkIncludeGlobs(registry, root, kept);

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
  const scopes = paths && paths.length > 0 ? scopesOf(paths, path.resolve(options.cwd ?? process.cwd()), root, realRoot) : null;
  // A link is in scope when either it or the file it stands for is.
  const covers = (scope: Scope, entry: Entry): boolean =>
    scope.covers(entry.listed) || (entry.processAs !== null && scope.covers(entry.processAs));
  const inScope = (entry: Entry): boolean => !scopes || scopes.some((scope) => covers(scope, entry));

  const files = new Set<string>();
  for (const entry of entries.filter(inScope)) {
    if (entry.processAs) files.add(entry.processAs);
    if (entry.note) notes.push({ file: entry.listed, reason: entry.note });
  }
  const emptyFolders: string[] = [];
  for (const scope of scopes ?? []) {
    if (entries.some((entry) => covers(scope, entry))) continue;
    if (scope.isDirectory) emptyFolders.push(`${scope.given}: no file in this folder is included by the registry (its include/exclude globs, .gitignore)`);
    else notes.push({ file: scope.asked, reason: NOT_INCLUDED });
  }
  if (emptyFolders.length > 0) throw new NothingToScanError(emptyFolders.join('; '));
  if (files.size === 0) {
    throw new NothingToScanError(scopes
      ? `no file to scan: none of the paths given (${paths!.join(', ')}) is a file the registry includes`
      : `no file to scan: the registry's include globs (${registry.include.join(', ')}) match no file under ${root}`);
  }
  notes.sort((a, b) => compare(a.file, b.file) || compare(a.reason, b.reason));
  if (!options.elsewhere) return { files: [...files].sort(), notes, linkFree: !met.link };
  // Every file of every language, links left alone: what the run does not take.
  const listElsewhere = (): string[] => {
    const otherLinks = new Map<string, string>();
    const everyOther = list([...new Set(registry.resolver.systems.flatMap((system) => system.language.defaultInclude))], [], otherLinks, (file) => files.has(file));
    return everyOther.filter((file) => !otherLinks.has(file));
  };
  return { files: [...files].sort(), notes, linkFree: !met.link, listElsewhere };
}

/**
 * Each include glob the registry writes must match some file: one that matches none is a typo, or a
 * folder that is not there. Checked against what was listed, so a glob matched only by files that
 * exclude or .gitignore leave out is named too.
 */
function checkIncludeGlobs(registry: Registry, root: string, kept: string[]): void {
  // The default globs are no one's typo; matching nothing with them is "no file to scan".
  if (registry.include === DEFAULT_INCLUDE) return;
  let keptSet: Set<string> | undefined;
  registry.include.forEach((glob, i) => {
    const matches = picomatch(glob.replace(/^\.\//, ''), { dot: true });
    // (a glob that matches stops at its first file: no path is made for the others)
    if (kept.some((file) => matches(relativePosix(root, file)))) return;
    // picomatch is what tinyglobby matches with; a glob it reads differently (a bare folder name) is asked of tinyglobby itself.
    if (globSync([glob], { cwd: root, ignore: [...registry.exclude, ...NEVER_SOURCE], dot: true }).some((file) => (keptSet ??= new Set(kept)).has(path.join(root, file)))) return;
    throw new RegistryError(registry.file, `$.include[${i}]`, `"${glob}" matches no file (expected a glob, relative to the registry's folder, that matches files to scan; exclude, .gitignore, node_modules and build output are left out)`);
  });
}

interface Scope {
  /** The path as asked for (or a path a glob asked for matched), made absolute. */
  asked: string;
  /** As written on the command line. */
  given: string;
  isDirectory: boolean;
  covers(file: string): boolean;
}

/**
 * The `paths` given on the command line, each as the file or folder it designates under the root. A path
 * that does not exist may be a glob (quoted, so the shell left it alone), matched from `cwd`. A path, or a
 * glob's every match, that is missing or outside the registry's folder stops the run, naming it.
 */
function scopesOf(paths: string[], cwd: string, root: string, realRoot: string): Scope[] {
  const scopes: Scope[] = [];
  const problems: string[] = [];
  for (const given of paths) {
    const asked = path.resolve(cwd, given);
    let candidates = [asked];
    if (!fs.existsSync(asked)) {
      if (!isDynamicPattern(given)) {
        problems.push(`${given}: no such file or folder (paths are relative to the current folder, ${cwd})`);
        continue;
      }
      candidates = globSync([given], { cwd, absolute: true, onlyFiles: false, expandDirectories: false, ignore: NEVER_SOURCE }).sort();
      if (candidates.length === 0) {
        problems.push(`${given}: the glob matches no file or folder (relative to the current folder, ${cwd})`);
        continue;
      }
    }
    const outside = candidates.filter((candidate) => !isInside(realRoot, realPathOr(candidate)));
    if (outside.length > 0) {
      problems.push(`${given}: outside the registry's folder (${root}); only files under it are scanned`);
      continue;
    }
    for (const candidate of candidates) {
      const stat = fs.statSync(candidate);
      const real = realPathOr(candidate);
      // Files are listed under `root` as written, with no linked folder on the way: name the scope alike.
      const inRoot = path.join(root, path.relative(realRoot, real));
      const covers = stat.isDirectory()
        ? (file: string) => isInside(inRoot, file)
        : (file: string) => file === inRoot || file === candidate;
      scopes.push({ asked: candidate, given: candidates.length === 1 ? given : relativePosix(cwd, candidate), isDirectory: stat.isDirectory(), covers });
    }
  }
  if (problems.length > 0) throw new NothingToScanError(problems.join('; '));
  return scopes;
}

/**
 * tinyglobby either follows every link (into linked folders too, even outside the tree) or drops them
 * all. Its `fs` override lets us keep linked files, under their own path, while never entering a linked
 * folder: a link's real path is recorded in `links`, a folder link is refused, and a broken link is
 * dropped (there is nothing to read).
 */
function linkAwareFs(links: Map<string, string>, met: { link: boolean }, listings?: Map<string, unknown>): GlobOptions['fs'] {
  const realpathSync = (link: string): string => {
    met.link = true;
    const real = fs.realpathSync.native(link);
    if (fs.statSync(real).isDirectory()) throw new Error(`${link}: a linked folder is never followed`);
    links.set(path.resolve(link), real);
    return link;
  };
  if (!listings) return { realpathSync } as unknown as GlobOptions['fs'];
  // `check`'s second walk (every file, for those the run does not take) lists the folders the first listed.
  const readdirSync = (dir: string, options: unknown): unknown => {
    const key = `${dir}\0${JSON.stringify(options)}`;
    let entries = listings.get(key);
    if (entries === undefined) listings.set(key, (entries = fs.readdirSync(dir, options as { withFileTypes: true })));
    return entries;
  };
  return { realpathSync, readdirSync } as unknown as GlobOptions['fs'];
}

/** Whether a file lies in a build output folder of a nested package (`packages/x/dist/…`). */
function packageBuildOutputTest(root: string): (file: string) => boolean {
  const isPackage = new Map<string, boolean>();
  const hasManifest = (dir: string): boolean => {
    let found = isPackage.get(dir);
    if (found === undefined) isPackage.set(dir, (found = fs.existsSync(path.join(dir, 'package.json'))));
    return found;
  };
  // Asked once per folder, not per file: 100,000 files in a few thousand folders.
  const inBuildOutput = new Map<string, boolean>();
  return (file) => {
    const dir = path.dirname(file);
    let found = inBuildOutput.get(dir);
    if (found === undefined) {
      const segments = path.relative(root, dir).split(path.sep);
      found = segments.some((segment, i) => i > 0 && BUILD_FOLDERS.includes(segment) && hasManifest(path.join(root, ...segments.slice(0, i))));
      inBuildOutput.set(dir, found);
    }
    return found;
  };
}
