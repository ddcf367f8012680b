/**
 * A Python project's modules. The registry names a module dotted (`pkg.agents.engine`, from the import
 * roots) or by path (`src/pkg/agents/engine`, or with `.py`); a module is its file (`engine.py`, a
 * package's `__init__.py`, a stub `.pyi` when there is no `.py`) or, for a namespace package, its folder.
 * Files write modules as absolute dotted names or relative ones (`..supervisor.engine`), and new
 * specifiers follow the style the file used: relative stays relative within the same top package.
 *
 * The registry's `python` section: `roots` (folders absolute imports start from; default: roots.ts) and
 * `version` (the Python the code targets, `3.13` unless given: the grammar files are parsed with).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ModuleReadError, type Language, type LanguagePrefilter, type ModuleExports, type ModuleRef, type ModuleSystem, type ModuleSystemSetup, type NameUse } from '../language';
import { isInside, toPosix } from '../../shared/paths';
import { isDirectory, isFile } from '../../shared/fs';
import type { PythonVersion } from './parse';
import { defaultRoots, normalize } from './roots';
import type { ModuleNames } from './module-exports';
import type { Importers } from './importers';
import { aliasTest, identifierPattern } from './alias-test';

/*
 * Pyright's parser, and what reads Python through it, are loaded when Python is first read: every registry
 * sets up this module system, and a run over JavaScript alone never loads them (2.2 MB of modules, about
 * 40 ms in each thread) — unless the registry sets `python.version`, which pyright checks as it loads.
 */
export const parser = (): typeof import('./parse') => require('./parse');
const exportsReader = (): typeof import('./module-exports') => require('./module-exports');
const importersModule = (): typeof import('./importers') => require('./importers');

export interface PythonSettings {
  roots?: string[];
  version?: string;
}

export const PYTHON_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'the Python settings: { "roots": [folders], "version": "3.13" }',
  properties: {
    roots: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1, description: "a folder relative to the registry's folder" },
      description: "an array of folders, relative to the registry's folder, that absolute imports start from (default: from pyproject.toml, else src/ in a src layout, and the registry's folder)",
    },
    version: {
      type: 'string',
      pattern: '^3\\.(?:[0-9]|1[0-9])$',
      description: 'the Python version the code targets, as "3.N" (default "3.13")',
    },
  },
};

const MODULE_EXPECTED = "expected a dotted module name from an import root, or a module path relative to the registry's folder";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
/** A Python module of this name's file (`x.py`, `x.pyi`) is the module `x`. */
const SOURCE_EXTENSION = /\.pyi?$/i;

export class PythonModules implements ModuleSystem {
  readonly root: string;
  /** Absolute folders absolute imports start from, in the order they are searched. */
  readonly roots: string[];
  private targetVersion?: PythonVersion;
  private readonly names = new Map<string, ModuleNames>();
  private importersFound?: Importers;

  constructor(
    readonly language: Language,
    setup: ModuleSystemSetup,
  ) {
    this.root = realpathOr(setup.root);
    const settings = (setup.settings ?? {}) as PythonSettings;
    let relativeRoots: string[];
    if (settings.roots) {
      relativeRoots = settings.roots.map(normalize);
      relativeRoots.forEach((relative, i) => {
        const absolute = path.resolve(this.root, relative);
        if (!isInside(this.root, absolute)) setup.fail(`$.python.roots[${i}]`, `"${settings.roots![i]}" leaves the registry's folder (expected a folder inside it)`);
        if (!isDirectory(absolute)) setup.fail(`$.python.roots[${i}]`, `"${settings.roots![i]}" is not a folder (expected a folder relative to the registry's folder)`);
      });
    } else {
      try {
        relativeRoots = defaultRoots(this.root).roots;
      } catch (error) {
        setup.fail('$', `pyproject.toml beside the registry cannot be read: ${(error as Error).message.split('\n')[0]} (expected valid TOML, or "python": { "roots": [...] } in the registry)`);
      }
    }
    // Those named out of the folder are dropped before a link is followed: nothing outside is even looked at.
    const roots = relativeRoots!.map((r) => path.resolve(this.root, r)).filter((absolute) => isInside(this.root, absolute)).map(realpathOr);
    if (settings.roots) {
      roots.forEach((real, i) => {
        if (!isInside(this.root, real)) setup.fail(`$.python.roots[${i}]`, `"${settings.roots![i]}" leads through a link out of the registry's folder, to ${real} (expected a folder inside it)`);
      });
    }
    // pyproject.toml is the repository's, as untrusted as the rest: a folder it names out of the registry's
    // (`../x`, an absolute path, a link leading out) is no import root of ours, and nothing in it is read.
    this.roots = [...new Set(roots.filter((real) => isInside(this.root, real)))];
    if (settings.version) {
      this.targetVersion = parser().PythonVersion.fromString(settings.version);
      if (!this.targetVersion) setup.fail('$.python.version', `"${settings.version}" is not a Python version (expected "3.N")`);
    }
  }

  /** The Python the code targets: the registry's `python.version`, else 3.13. */
  get version(): PythonVersion {
    return (this.targetVersion ??= parser().DEFAULT_PYTHON_VERSION);
  }

  private get importers(): Importers {
    return (this.importersFound ??= new (importersModule().Importers)(this));
  }

  /**
   * A dotted name (`pkg.mod`) or a path with `.py`/`.pyi` is Python's, and gets a reason when it names
   * nothing; a path without extension is Python's only when it names a Python module (else it is another
   * language's to explain).
   */
  resolveRegistryName(name: string): { module: ModuleRef } | { problem: string } | null {
    if (name.includes('\0')) return null;
    const withExtension = SOURCE_EXTENSION.test(name) && /[\\/]|^[^.]*\.pyi?$/i.test(name);
    const dotted = !withExtension && DOTTED.test(name);
    if (dotted) {
      const module = this.resolveAbsolute(name.split('.'));
      if (module) return { module };
    }
    const absolute = path.resolve(this.root, name);
    const inside = isInside(this.root, absolute);
    const module = !inside ? null : withExtension ? (isFile(absolute) ? fileRef(absolute) : null) : moduleAt(absolute);
    if (module) return { module };
    if (withExtension) {
      return { problem: inside ? `"${name}" is no file (${MODULE_EXPECTED})` : `"${name}" leaves the registry's folder (${MODULE_EXPECTED})` };
    }
    if (dotted && name.includes('.')) return { problem: `"${name}" names no module under the import roots ${this.describeRoots()} (${MODULE_EXPECTED})` };
    return null;
  }

  /** `src/pkg/engine.py` ➔ `pkg.engine` (from its import root); a file under no root keeps its path. */
  registryNameOfFile(relativePath: string): string {
    const dotted = this.dottedName(path.resolve(this.root, relativePath));
    return dotted ?? relativePath.replace(SOURCE_EXTENSION, '').replace(/\/__init__$/, '');
  }

  resolve(specifier: string, fromFile: string): ModuleRef | null {
    const dots = /^\.*/.exec(specifier)![0].length;
    const parts = specifier.slice(dots).split('.').filter((p) => p !== '');
    if (!parts.every((p) => IDENTIFIER.test(p))) return null;
    if (dots === 0) return parts.length > 0 ? this.resolveAbsolute(parts) : null;
    let base = path.dirname(fromFile);
    for (let i = 1; i < dots; i++) base = path.dirname(base);
    // Beyond the top package (an import root itself is no package): no module.
    if (!this.roots.some((root) => isInside(root, base) && path.resolve(base) !== root)) return null;
    return moduleAt(path.join(base, ...parts));
  }

  /**
   * `target` as the file at `fromFile` writes it: relative (`..supervisor.engine`) when `styleOf` is
   * relative and both are in the same top package of the same root, else absolute and dotted.
   */
  specifierFor(target: ModuleRef, fromFile: string, styleOf?: string): string {
    if (target.kind === 'package') return target.name;
    const located = this.locate(target.path);
    // The package the file is in (its folder, for a package's own __init__.py too).
    const from = this.locate(path.dirname(realpathOr(fromFile)));
    if (styleOf?.startsWith('.') && located && from && located.root === from.root && located.parts[0] === from.parts[0]) {
      const packageParts = from.parts;
      let common = 0;
      while (common < packageParts.length && common < located.parts.length && packageParts[common] === located.parts[common]) common++;
      return '.'.repeat(packageParts.length - common + 1) + located.parts.slice(common).join('.');
    }
    if (located) return located.parts.join('.');
    // Under no root: written relative to the file's folder, the only way Python can reach it.
    const relative = path.relative(path.dirname(fromFile), stripModuleFile(target.path));
    const up = relative.split(path.sep).filter((p) => p === '..').length;
    return '.'.repeat(up + 1) + relative.split(path.sep).filter((p) => p !== '..').join('.');
  }

  moduleOfFile(file: string): ModuleRef {
    return fileRef(file);
  }

  exports(module: ModuleRef): ModuleExports | null {
    if (module.kind !== 'file') return null;
    // A namespace package has no file of its own: what it holds cannot be listed.
    if (isDirectory(module.path)) return { names: new Set(), complete: false };
    return exportsReader().moduleExports(module, (file) => this.moduleNames(file), (specifier, fromFile) => this.resolve(specifier, fromFile));
  }

  /** What a module imports when it loads (ModuleNames.loads), but for names that reach no module of the project. */
  imports(module: ModuleRef): readonly ModuleRef[] {
    if (module.kind !== 'file' || isDirectory(module.path)) return [];
    let loads: string[];
    try {
      loads = this.moduleNames(module.path).loads;
    } catch (error) {
      if (error instanceof ModuleReadError) return [];
      throw error;
    }
    return loads.map((specifier) => this.resolve(specifier, module.path)).filter((ref): ref is ModuleRef => ref !== null);
  }

  moduleNames(file: string): ModuleNames {
    let names = this.names.get(file);
    if (!names) {
      names = exportsReader().readModuleNames(file, this.version);
      this.names.set(file, names);
    }
    return names;
  }

  /**
   * A dotted name that reaches a module holds its last part (a file's name, a package's folder's) as a
   * whole name, between dots, quotes, blanks or slashes: `user_execution_engine` does not hold the module
   * `execution_engine`. A text with non-ASCII letters is also read in NFKC form, as Python reads names
   * (`ｏld_engine` is `old_engine`). A relative one may be only dots when it reaches a package from inside
   * it (`from . import X`), so every file inside a registry package is parsed.
   */
  prefilter(modules: readonly ModuleRef[]): LanguagePrefilter {
    const needles = [...new Set(modules.flatMap((m) => (m.kind === 'file' ? [lastPart(m.path)] : [m.name])))].filter((n) => n.length > 0);
    const packageFolders = [...new Set(modules
      .filter((m): m is { kind: 'file'; path: string } => m.kind === 'file' && isPackagePath(m.path))
      .map((m) => stripModuleFile(m.path) + path.sep))];
    const named = needles.length > 0 ? identifierPattern(needles) : /(?!)/;
    return {
      needles,
      mentions: (text) => named.test(text) || (NON_ASCII.test(text) && named.test(text.normalize('NFKC'))),
      mustParse: (file) => packageFolders.some((folder) => file.startsWith(folder)),
      mayReach: (specifier) => /^\.*$/.test(specifier) || needles.some((needle) => specifier.includes(needle)),
    };
  }

  aliasTest(names: readonly string[]): (text: string) => boolean {
    return aliasTest(names);
  }

  /** Caches and environments that are never the project's sources. */
  ignoredGlobs(): string[] {
    return ['**/__pycache__/**', '**/.venv/**', '**/.tox/**', '**/.nox/**', '**/.mypy_cache/**', '**/.pytest_cache/**', '**/site-packages/**'];
  }

  /** A module-level name is importable: who imports, patches or publishes it (importers.ts). */
  importerOf(module: ModuleRef, name: string, exceptFile: string): NameUse | null {
    return this.importers.firstUse(module, name, exceptFile);
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private describeRoots(): string {
    return `(${this.roots.map((r) => (r === this.root ? '.' : toPosix(path.relative(this.root, r)))).join(', ')})`;
  }

  private resolveAbsolute(parts: string[]): ModuleRef | null {
    for (const root of this.roots) {
      const found = moduleAt(path.join(root, ...parts));
      if (found) return found;
    }
    return null;
  }

  /** The root a module (a file, or a package's folder) is under and its dotted parts from there; null when under none. */
  private locate(file: string): { root: string; parts: string[] } | null {
    const folderOrFile = stripModuleFile(file);
    for (const root of this.roots) {
      if (!isInside(root, folderOrFile) || folderOrFile === root) continue;
      const parts = toPosix(path.relative(root, folderOrFile)).split('/');
      if (parts.every((p) => IDENTIFIER.test(p))) return { root, parts };
    }
    return null;
  }

  dottedName(file: string): string | null {
    return this.locate(realpathOr(file))?.parts.join('.') ?? null;
  }
}

/** The module a path without extension names: `x.py`, `x.pyi`, `x/__init__.py(i)`, or a namespace package `x/`. */
function moduleAt(base: string): ModuleRef | null {
  for (const candidate of [`${base}.py`, `${base}.pyi`, path.join(base, '__init__.py'), path.join(base, '__init__.pyi')]) {
    if (isFile(candidate)) return fileRef(candidate);
  }
  return isNamespacePackage(base) ? fileRef(base) : null;
}

/**
 * A folder without `__init__.py` that holds Python modules (a `.py` or `.pyi` file, or a package): any
 * other folder (a JavaScript `src/errors/` with its `index.ts`) is no Python module.
 */
function isNamespacePackage(folder: string): boolean {
  if (!isDirectory(folder)) return false;
  return fs.readdirSync(folder, { withFileTypes: true }).some((entry) =>
    (entry.isFile() && SOURCE_EXTENSION.test(entry.name)) ||
    (entry.isDirectory() && (isFile(path.join(folder, entry.name, '__init__.py')) || isFile(path.join(folder, entry.name, '__init__.pyi')))));
}

/** A package's `__init__.py`, or a namespace package's folder. */
function isPackagePath(file: string): boolean {
  return /^__init__\.pyi?$/.test(path.basename(file)) || isDirectory(file);
}

/** `pkg/__init__.py` ➔ `pkg`; `pkg/engine.py` ➔ `pkg/engine`; a folder stays a folder. */
function stripModuleFile(file: string): string {
  if (/^__init__\.pyi?$/.test(path.basename(file))) return path.dirname(file);
  return file.replace(SOURCE_EXTENSION, '');
}

function lastPart(file: string): string {
  return path.basename(stripModuleFile(file));
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function fileRef(file: string): ModuleRef {
  return { kind: 'file', path: realpathOr(file) };
}
