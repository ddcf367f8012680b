/**
 * A toy project's modules: the registry names `src/engine` for `<registry folder>/src/engine.toy`; a file
 * writes `"../engine"`, a path relative to itself without extension; a module exports its `export` lines.
 * The registry's `toy` section may list globs of folders that never hold toy sources (`ignore`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ModuleReadError, SourceParseError,
  type Language, type LanguagePrefilter, type ModuleExports, type ModuleRef, type ModuleSystem, type ModuleSystemSetup,
} from '../../../src/languages/language';
import { parseToy } from './parse';

export const EXTENSION = '.toy';
const EXPECTED = "expected a toy module path relative to the registry's folder, without .toy";

export interface ToySettings {
  ignore?: string[];
}

export class ToyModules implements ModuleSystem {
  private readonly root: string;
  private readonly ignore: string[];

  constructor(
    readonly language: Language,
    setup: ModuleSystemSetup,
  ) {
    this.root = setup.root;
    const settings = (setup.settings ?? {}) as ToySettings;
    this.ignore = settings.ignore ?? [];
    this.ignore.forEach((glob, i) => {
      if (glob.startsWith('/') || glob.split('/').includes('..')) setup.fail(`$.toy.ignore[${i}]`, `"${glob}" leaves the registry's folder (expected a glob inside it)`);
    });
  }

  resolveRegistryName(name: string): { module: ModuleRef } | { problem: string } {
    const file = path.resolve(this.root, name + EXTENSION);
    const relative = path.relative(this.root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: `"${name}" leaves the registry's folder (${EXPECTED})` };
    if (!isFile(file)) return { problem: `"${name}" names no ${EXTENSION} file (${EXPECTED})` };
    return { module: fileRef(file) };
  }

  registryNameOfFile(relativePath: string): string {
    return relativePath.endsWith(EXTENSION) ? relativePath.slice(0, -EXTENSION.length) : relativePath;
  }

  resolve(specifier: string, fromFile: string): ModuleRef | null {
    if (!/^\.\.?\//.test(specifier)) return null;
    const file = path.resolve(path.dirname(fromFile), specifier + EXTENSION);
    return isFile(file) ? fileRef(file) : null;
  }

  /** Always relative, `./` for a sibling: toy has one style. */
  specifierFor(target: ModuleRef, fromFile: string): string {
    if (target.kind === 'package') return target.name;
    const relative = path.relative(path.dirname(fromFile), target.path).split(path.sep).join('/');
    const written = this.registryNameOfFile(relative);
    return written.startsWith('../') ? written : `./${written}`;
  }

  moduleOfFile(file: string): ModuleRef {
    return fileRef(file);
  }

  exports(module: ModuleRef): ModuleExports | null {
    if (module.kind === 'package' || !isFile(module.path)) return null;
    let text: string;
    try {
      text = fs.readFileSync(module.path, 'utf8');
    } catch (error) {
      throw new ModuleReadError(module.path, (error as Error).message);
    }
    try {
      const names = parseToy(module.path, text).flatMap((s) => (s.kind === 'export' ? [s.name.name] : []));
      return { names: new Set(names), complete: true };
    } catch (error) {
      if (error instanceof SourceParseError) throw new ModuleReadError(module.path, error.message);
      throw error;
    }
  }

  /** The modules its `use` lines name (a file that cannot be read or parsed loads nothing we can tell). */
  imports(module: ModuleRef): readonly ModuleRef[] {
    if (module.kind === 'package' || !isFile(module.path)) return [];
    try {
      const statements = parseToy(module.path, fs.readFileSync(module.path, 'utf8'));
      return statements.flatMap((s) => (s.kind === 'use' ? [this.resolve(s.specifier, module.path)].filter((m): m is ModuleRef => m !== null) : []));
    } catch {
      return [];
    }
  }

  /** A specifier that reaches a toy module holds its file's base name. */
  prefilter(modules: readonly ModuleRef[]): LanguagePrefilter {
    const needles = [...new Set(modules.flatMap((m) => (m.kind === 'file' ? [path.basename(m.path, EXTENSION)] : [m.name])))];
    return {
      needles,
      mustParse: () => false,
      mayReach: (specifier) => needles.some((needle) => specifier.includes(needle)),
    };
  }

  ignoredGlobs(): string[] {
    return this.ignore;
  }
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function fileRef(file: string): ModuleRef {
  let real = path.resolve(file);
  try {
    real = fs.realpathSync(real);
  } catch {
    // a file not yet written keeps its lexical path
  }
  return { kind: 'file', path: real };
}
