/**
 * A JavaScript/TypeScript project's modules: named in the registry by path without extension or by
 * package, resolved the way TypeScript does (tsconfig `paths` and `baseUrl` included), written back in
 * each file's style, their exports read from source, and the strings that betray a reference to them.
 */
import * as path from 'node:path';
import { isBuiltin } from 'node:module';
import { parseTsconfig } from 'get-tsconfig';
import {
  ModuleReadError,
  type Language, type LanguagePrefilter, type ModuleExports, type ModuleRef, type ModuleSystem, type ModuleSystemSetup, type SetupMock,
} from '../language';
import { isInside, realPathOr, relativePosix, toPosix } from '../../shared/paths';
import { isDirectory, isFile } from '../../shared/fs';
import { projectTree } from '../../shared/repository';
import { extendsOutside } from './tsconfig-chain';
import { ModuleResolver } from './resolve';
import { findPackageDirectory, newExportsCache, packageEntryFile, readModuleExports, splitPackageSpecifier } from './module-exports';
import { readLoadedSpecifiers } from './module-imports';
import { TestSetups } from './test-setup';
import { aliasTest } from './alias-test';

const MODULE_EXPECTED =
  "expected a module path relative to the registry's folder, without extension, or a package name";

export class JavaScriptModules implements ModuleSystem {
  /** Absolute path of the tsconfig in use, if any: the registry's `tsconfig`, else the one beside it. */
  readonly tsconfig?: string;
  readonly resolver: ModuleResolver;
  private readonly root: string;
  /** Module paths are real paths: the registry's folder, unwrapped from any link, to tell the project's own. */
  private readonly realRoot: string;
  private readonly exportsCache = newExportsCache();
  private readonly importsCache = new Map<string, readonly ModuleRef[]>();
  private testSetups: TestSetups | undefined;

  constructor(
    readonly language: Language,
    setup: ModuleSystemSetup,
  ) {
    this.root = setup.root;
    this.realRoot = realPathOr(setup.root);
    this.tsconfig = findTsconfig(setup);
    try {
      this.resolver = new ModuleResolver({ root: this.root, tsconfigPath: this.tsconfig });
    } catch (error) {
      setup.fail('$.tsconfig', `${this.tsconfig} cannot be used: ${(error as Error).message} (expected a valid tsconfig file)`);
    }
  }

  resolveRegistryName(name: string): { module: ModuleRef } | { problem: string } {
    if (!isInside(this.root, path.resolve(this.root, name))) {
      return { problem: `"${name}" leaves the registry's folder (${MODULE_EXPECTED}, inside ${this.root})` };
    }
    const module = this.resolver.resolveRegistryName(name);
    if (!module) return { problem: `"${name}" resolves to no file (${MODULE_EXPECTED})` };
    // A mistyped first folder reads as a package name: insist that such a package is installed.
    if (module.kind === 'package' && !isBuiltin(module.name)) {
      if (!findPackageDirectory(module.name, this.root)) {
        return { problem: `"${name}" is neither a file under the registry's folder nor an installed package (${MODULE_EXPECTED})` };
      }
      // A deep path into a package (`rxjs/internal/operators/map`) must name one of its files, as a path does.
      const { packageName, subpath } = splitPackageSpecifier(module.name);
      if (subpath && !packageEntryFile(module.name, this.root, this.resolver)) {
        return { problem: `"${name}" names no file of the installed package "${packageName}" (${MODULE_EXPECTED})` };
      }
    }
    return { module };
  }

  /** `src/errors/index.ts` ➔ `src/errors`, `src/engine.d.ts` ➔ `src/engine`: a path without extension, as written in the registry. */
  registryNameOfFile(relativePath: string): string {
    return relativePath.replace(/(\.d)?\.[cm]?[jt]sx?$/i, '').replace(/\/index$/, '');
  }

  resolve(specifier: string, fromFile: string): ModuleRef | null {
    return this.resolver.resolve(specifier, fromFile);
  }

  specifierFor(target: ModuleRef, fromFile: string, styleOf?: string): string {
    return this.resolver.specifierFor(target, fromFile, styleOf);
  }

  moduleOfFile(file: string): ModuleRef {
    return this.resolver.moduleOfFile(file);
  }

  exports(module: ModuleRef): ModuleExports | null {
    return readModuleExports(module, this.resolver, this.exportsCache);
  }

  imports(module: ModuleRef): readonly ModuleRef[] {
    // A package is its entry file, which may be the project's own (a workspace package linked in).
    const file = module.kind === 'file' ? module.path : packageEntryFile(module.name, this.root, this.resolver);
    if (!file || !isInside(this.realRoot, file)) return [];
    let loaded = this.importsCache.get(file);
    if (!loaded) {
      // Its exports were read from the same parse, when it is a registry module or one of their re-exports.
      let specifiers = this.exportsCache.loaded.get(file);
      try {
        specifiers ??= readLoadedSpecifiers(file);
      } catch (error) {
        if (!(error instanceof ModuleReadError)) throw error;
        specifiers = [];
      }
      loaded = specifiers.map((specifier) => this.resolver.resolve(specifier, file)).filter((ref): ref is ModuleRef => ref !== null);
      this.importsCache.set(file, loaded);
    }
    return loaded;
  }

  setupMocks(file: string): readonly SetupMock[] {
    return (this.testSetups ??= new TestSetups(this.root, this.resolver)).mocksFor(file);
  }

  /**
   * A specifier that reaches a module file contains that file's base name, or the name of a folder that
   * stands for it (an `index` file's folder, or one whose package.json names it as its entry); a package is
   * named in full, and a tsconfig alias that hides those names (or leads into such a folder) is named by its
   * key. A file inside such a folder escapes those strings: it may write `'.'`, `'..'` or `'../index'`.
   *
   * A name counts only where a specifier could hold it (`specifierShapes`): `'../error/X'` and
   * `"./error"` do, but not the word `error` in code, a comment or `new X()`. Package names and aliases
   * count anywhere.
   *
   * A module file whose name one of `apart` shares (`core/managers/factory` beside the canonical
   * `supervisor/factory`) is told apart by its folder: its name counts only right after that folder's name
   * (`managers/factory`), after `./` (`./factory`, `../factory`, `x/../factory`) or `//`, at a specifier's
   * start where one may start bare, or in a file that holds a `paths` alias leading into the folder.
   */
  prefilter(modules: readonly ModuleRef[], apart: readonly ModuleRef[] = []): LanguagePrefilter {
    const folders = [...new Set(modules.flatMap((m) => (m.kind === 'file' ? this.foldersStandingFor(m.path) : [])))];
    const told = this.toldByFolder(modules, apart);
    const toldSet = new Set<ModuleRef>(told);
    const byName = modules.filter((m) => !toldSet.has(m));
    const names = [...new Set([
      ...byName.flatMap((m) => (m.kind === 'file' ? [needleFor(m)] : [])), ...folders.map((folder) => path.basename(folder)),
    ])].filter((n) => n.length > 0);
    const plain = [...new Set([
      ...modules.flatMap((m) => (m.kind === 'package' ? [m.name] : [])),
      ...this.resolver.aliasesHidingFileNames(), ...this.resolver.aliasesInto(folders),
      ...told.flatMap((m) => this.resolver.aliasesLeadingInto(path.dirname(m.path))),
    ])].filter((n) => n.length > 0);
    const edges = this.resolver.bareSpecifierEdges();
    const needles = [...new Set([...names, ...told.map(needleFor), ...plain])];
    // (no pattern where there is nothing to find: V8 tries a never-matching one at every position of the text)
    const patterns = [names.length > 0 ? specifierShapes(names, edges) : null, told.length > 0 ? folderShapes(told, edges) : null]
      .filter((p): p is RegExp => p !== null);
    const shaped = { test: (text: string): boolean => patterns.some((p) => p.test(text)) };
    const insideFolders = folders.map((folder) => folder + path.sep);
    const mentions = (text: string): boolean => shaped.test(text) || plain.some((needle) => text.includes(needle));
    // Asked of every import of every parsed file, and most are written alike in many files: each answered once.
    const answers = new Map<string, boolean>();
    return {
      needles,
      mentions,
      mustParse: (file) => insideFolders.some((folder) => file.startsWith(folder)),
      mayReach: (specifier) => {
        // Kept by the quoted copy, made anew: the specifier itself is a slice of its file's text, which a key would keep alive.
        const quoted = `'${specifier}'`;
        let reaches = answers.get(quoted);
        if (reaches === undefined) {
          // `.`, `../..`, `./index`, `../inner/../index.js`: what a folder's own files write names no module.
          reaches = mentions(quoted) || namesOnlyAFolder(specifier);
          if (answers.size >= MAX_ANSWERS_KEPT) answers.clear();
          answers.set(quoted, reaches);
        }
        return reaches;
      },
    };
  }

  aliasTest(names: readonly string[]): (text: string) => boolean {
    return aliasTest(names);
  }

  /**
   * The module files of `modules` whose name a module of `apart` shares, that no folder stands for, and
   * whose folder's name a string holds as it is (no quote or backslash, which a string would escape).
   */
  private toldByFolder(modules: readonly ModuleRef[], apart: readonly ModuleRef[]): FileModule[] {
    if (apart.length === 0) return [];
    const apartNames = new Set(apart.flatMap((m) => (m.kind === 'file' ? [needleFor(m), ...this.foldersStandingFor(m.path).map((f) => path.basename(f))] : [])));
    return modules.filter((m): m is FileModule => m.kind === 'file' && apartNames.has(needleFor(m)) &&
      this.foldersStandingFor(m.path).length === 0 && !/['"`\\]/.test(path.basename(path.dirname(m.path))));
  }

  /** The folders, from the module's own up to the registry's, that a specifier may name to reach the file. */
  private foldersStandingFor(file: string): string[] {
    const folders: string[] = isIndexFile(file) ? [path.dirname(file)] : [];
    for (let dir = path.dirname(file); isInside(this.root, dir); dir = path.dirname(dir)) {
      if (this.resolver.directoryModule(dir) === file) folders.push(dir);
      if (dir === this.root || path.dirname(dir) === dir) break;
    }
    return folders;
  }

  /** The tsconfig's outDir, when it is a folder inside the registry's (other than the folder itself). */
  ignoredGlobs(): string[] {
    if (!this.tsconfig) return [];
    try {
      const outDir = parseTsconfig(this.tsconfig).compilerOptions?.outDir;
      if (!outDir) return [];
      const relative = path.relative(this.root, path.resolve(path.dirname(this.tsconfig), outDir));
      if (relative === '' || !isInside(this.root, path.resolve(this.root, relative))) return [];
      // (tinyglobby is loaded here, by discovery: a worker thread, which loads this module, lists no files)
      const { escapePath } = require('tinyglobby') as typeof import('tinyglobby');
      return [`${escapePath(toPosix(relative))}/**`];
    } catch {
      // An unreadable tsconfig was reported when the registry loaded; here it only means no outDir to skip.
      return [];
    }
  }
}

/**
 * The tsconfig in use. The registry and the tsconfig are the repository's, as untrusted as the rest: the
 * tsconfig may sit above the registry's folder (a monorepo's base config), and extend others, but neither
 * it nor anything it extends may lie outside the repository (outside git: the registry's folder), by its
 * path or through a link.
 */
function findTsconfig({ root, settings, fail }: ModuleSystemSetup): string | undefined {
  const tree = projectTree(root);
  const contained = (file: string): string => {
    const outside = extendsOutside(file, tree);
    if (outside) {
      fail('$.tsconfig', `${relativePosix(realPathOr(root), outside.file)} extends "${outside.extends}", which leads out of the repository (expected every tsconfig it extends inside the repository)`);
    }
    return file;
  };
  if (settings === undefined) {
    const beside = path.join(root, 'tsconfig.json');
    if (!isFile(beside)) return undefined;
    if (!isInside(tree, realPathOr(beside))) fail('$.tsconfig', `tsconfig.json beside the registry is a link out of the repository (expected a tsconfig file inside it)`);
    return contained(beside);
  }
  const named = settings as string;
  const absolute = path.resolve(root, named);
  if (!isInside(tree, path.resolve(realPathOr(root), named)) || !isInside(tree, realPathOr(absolute))) {
    fail('$.tsconfig', `"${named}" leads out of the repository (expected a tsconfig file inside it)`);
  }
  if (isFile(absolute)) return contained(absolute);
  // Like `tsc -p`, a folder means the tsconfig.json in it.
  if (isDirectory(absolute) && isFile(path.join(absolute, 'tsconfig.json'))) return contained(path.join(absolute, 'tsconfig.json'));
  fail('$.tsconfig', `"${named}" does not exist (expected the path of a tsconfig file, relative to the registry's folder)`);
}

function isIndexFile(file: string): boolean {
  return /^index(\.d)?\.[cm]?[jt]sx?$/.test(path.basename(file));
}

type FileModule = Extract<ModuleRef, { kind: 'file' }>;

function needleFor(module: ModuleRef): string {
  if (module.kind === 'package') return module.name;
  const base = path.basename(module.path).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(module.path)) : base;
}

/** `text` matched literally, also inside a character class (where `-` may make a range). */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&');
}

/**
 * A test for module names where a specifier could hold them: right after a `/` (a path, an alias such as
 * `@app/`) or an opening quote, and right before a closing quote, a `/` (a folder: `error/index`) or a `.`
 * (an extension). `edges` adds what may stand next to a name when a `paths` alias's prefix or suffix
 * touches it (`~*` ➔ `~error`), and says whether a bare name may open a specifier at all (with `baseUrl`
 * or a `*` alias; without them a bare specifier is a package, never a project file, and the word
 * `"error"` in a string is not a reference).
 */
function specifierShapes(names: readonly string[], edges: { bare: boolean; before: string; after: string }): RegExp {
  const before = escape(`/${edges.bare ? '\'"`' : ''}${edges.before}`);
  const after = escape(`'"\`/.${edges.after}`);
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`[${before}](?:${alternatives})(?=[${after}])`);
}

/**
 * specifierShapes for module files told apart by their folder (see prefilter): the name right after its
 * folder's name and a `/`, after `./` or `//` (a path that steps through `.` or `..`, or an empty segment,
 * before reaching it), or right after an opening quote where a specifier may start bare. In any letter
 * case: a disk that ignores case (macOS's, Windows') finds `./core/Managers/factory` too.
 */
function folderShapes(modules: readonly FileModule[], edges: { bare: boolean; after: string }): RegExp {
  const after = escape(`'"\`/.${edges.after}`);
  const alternatives = modules.map((m) => {
    const folder = escape(path.basename(path.dirname(m.path)));
    return `(?:${folder}/|\\./|//${edges.bare ? '|[\'"`]' : ''})${escape(needleFor(m))}`;
  });
  return new RegExp(`(?:${[...new Set(alternatives)].join('|')})(?=[${after}])`, 'i');
}

/** Specifiers whose answer is kept (a few MB at most on a tree with that many different ones). */
const MAX_ANSWERS_KEPT = 50_000;

/**
 * Whether a specifier, once its `x/..` steps are collapsed (as resolution does), names nothing but the way
 * up: `.`, `../..`, `./`, ending at most in `index` with an extension.
 */
function namesOnlyAFolder(specifier: string): boolean {
  // A package or an alias (`@app/x`, `lodash`) is no way up (asked of every import a parsed file has).
  if (specifier !== '' && specifier[0] !== '.' && specifier[0] !== '/') return false;
  const segments = path.posix.normalize(specifier).split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1] ?? '.';
  const up = /^index(\.[cm]?[jt]sx?)?$/i.test(last) ? segments.slice(0, -1) : segments;
  return up.every((segment) => segment === '.' || segment === '..');
}
