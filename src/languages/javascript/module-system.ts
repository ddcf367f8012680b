/**
 * A JavaScript/TypeScript project's modules: named in the registry by path without extension or by
 * package, resolved the way TypeScript does (tsconfig `paths` and `baseUrl` included), written back in
 * each file's style, their exports read from source, and the strings that betray a reference to them.
 */
import * as path from 'node:path';
import { isBuiltin } from 'node:module';
import { parseTsconfig } from 'get-tsconfig';
import { escapePath } from 'tinyglobby';
import type { Language, LanguagePrefilter, ModuleExports, ModuleRef, ModuleSystem, ModuleSystemSetup } from '../language';
import { isInside, toPosix } from '../../shared/paths';
import { isDirectory, isFile } from '../../shared/fs';
import { ModuleResolver } from './resolve';
import { findPackageDirectory, newExportsCache, packageEntryFile, readModuleExports, splitPackageSpecifier } from './module-exports';

const MODULE_EXPECTED =
  "expected a module path relative to the registry's folder, without extension, or a package name";

export class JavaScriptModules implements ModuleSystem {
  /** Absolute path of the tsconfig in use, if any: the registry's `tsconfig`, else the one beside it. */
  readonly tsconfig?: string;
  readonly resolver: ModuleResolver;
  private readonly root: string;
  private readonly exportsCache = newExportsCache();

  constructor(
    readonly language: Language,
    setup: ModuleSystemSetup,
  ) {
    this.root = setup.root;
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

  /**
   * A specifier that reaches a module file contains that file's base name (for an `index` file, its
   * folder's name), a package is named in full, and a tsconfig alias that hides file names is named by its
   * key. A file inside an `index` module's folder escapes those strings (it may write `'.'` or `'..'`).
   */
  prefilter(modules: readonly ModuleRef[]): LanguagePrefilter {
    const needles = [...new Set([...modules.map(needleFor), ...this.resolver.aliasesHidingFileNames()])].filter((n) => n.length > 0);
    const indexFolders = [...new Set(modules
      .filter((m): m is { kind: 'file'; path: string } => m.kind === 'file' && isIndexFile(m.path))
      .map((m) => path.dirname(m.path) + path.sep))];
    return {
      needles,
      mustParse: (file) => indexFolders.some((folder) => file.startsWith(folder)),
      // `.`, `..` and the like may reach an index module without naming it.
      mayReach: (specifier) => /^[./]*$/.test(specifier) || needles.some((needle) => specifier.includes(needle)),
    };
  }

  /** The tsconfig's outDir, when it is a folder inside the registry's (other than the folder itself). */
  ignoredGlobs(): string[] {
    if (!this.tsconfig) return [];
    try {
      const outDir = parseTsconfig(this.tsconfig).compilerOptions?.outDir;
      if (!outDir) return [];
      const relative = path.relative(this.root, path.resolve(path.dirname(this.tsconfig), outDir));
      if (relative === '' || !isInside(this.root, path.resolve(this.root, relative))) return [];
      return [`${escapePath(toPosix(relative))}/**`];
    } catch {
      // An unreadable tsconfig was reported when the registry loaded; here it only means no outDir to skip.
      return [];
    }
  }
}

function findTsconfig({ root, settings, fail }: ModuleSystemSetup): string | undefined {
  if (settings === undefined) {
    const beside = path.join(root, 'tsconfig.json');
    return isFile(beside) ? beside : undefined;
  }
  const named = settings as string;
  const absolute = path.resolve(root, named);
  if (isFile(absolute)) return absolute;
  // Like `tsc -p`, a folder means the tsconfig.json in it.
  if (isDirectory(absolute) && isFile(path.join(absolute, 'tsconfig.json'))) return path.join(absolute, 'tsconfig.json');
  fail('$.tsconfig', `"${named}" does not exist (expected the path of a tsconfig file, relative to the registry's folder)`);
}

function isIndexFile(file: string): boolean {
  return /^index(\.d)?\.[cm]?[jt]sx?$/.test(path.basename(file));
}

function needleFor(module: ModuleRef): string {
  if (module.kind === 'package') return module.name;
  const base = path.basename(module.path).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(module.path)) : base;
}
