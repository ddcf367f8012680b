/**
 * Loads ssot.config.json: its syntax and shape (schema.ts), then what a schema cannot say (every module
 * resolves, canonical modules export their names, nothing is listed twice), through the module system of
 * each language. The first problem found is thrown as a RegistryError whose one-line message names the
 * file and the JSON path.
 */
import * as path from 'node:path';
import { moduleKey, ModuleReadError, type Language, type ModuleRef } from '../languages/language';
import { LANGUAGES } from '../languages';
import { ProjectResolver } from './project-resolver';
import { buildPrefilter } from './prefilter';
import type { CanonicalSymbol, ConstructRule, LegacySymbol, ModuleMove, Registry, RegistryNote } from './types';
import { isFile } from '../shared/fs';
import { isInside, realPathOr } from '../shared/paths';
import { didYouMean } from '../shared/nearest';
import { RegistryError } from './registry-error';
import { parseRegistryJson, validateRegistryShape } from './schema';

export { RegistryError };

export const REGISTRY_FILE_NAME = 'ssot.config.json';

/** What `include` means when the registry gives none: every file of every language we serve. */
export const DEFAULT_INCLUDE = [...new Set(LANGUAGES.flatMap((language) => language.defaultInclude))];



/** The nearest ssot.config.json in startDir or a folder above it. */
export function findRegistryFile(startDir: string): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, REGISTRY_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

export interface LoadRegistryOptions {
  configPath?: string;
  cwd?: string;
  /**
   * The file was validated a moment ago by the run this load serves (a worker thread's copy): its schema
   * and the names its modules export are not checked again, which costs most of a load.
   */
  validated?: boolean;
}

export function loadRegistry(options: LoadRegistryOptions = {}): Registry {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = options.configPath ? path.resolve(cwd, options.configPath) : findRegistryFile(cwd);
  if (!file) {
    throw new RegistryError(cwd, '$', `no ${REGISTRY_FILE_NAME} here or in any folder above (expected one, or --config FILE)`);
  }
  if (!isFile(file)) throw new RegistryError(file, '$', 'no such file (expected a registry file, ssot.config.json)');
  return registryFromConfig(file, parseRegistryJson(file), { validated: options.validated });
}

/**
 * A registry from data already read (what `init` proposes, before it is written to `file`): validated and
 * checked against the code exactly as a file is.
 */
export function registryFromConfig(file: string, config: unknown, options: Pick<LoadRegistryOptions, 'validated'> = {}): Registry {
  if (!options.validated) validateRegistryShape(file, config);
  return new RegistryBuilder(file, config as RawConfig, !options.validated).build();
}

// ---------------------------------------------------------------------------------------------------------
// The file as written.

interface RawConstruct {
  factory: string;
  from: string;
  minArgs?: number;
}
interface RawLegacy {
  name: string;
  from: string;
  construct?: RawConstruct;
}
interface RawSymbol {
  name: string;
  from: string;
  legacy?: RawLegacy[];
}
interface RawMove {
  from: string;
  to: string;
}
interface RawConfig {
  include?: string[];
  exclude?: string[];
  modules?: RawMove[];
  symbols?: RawSymbol[];
}

// ---------------------------------------------------------------------------------------------------------
// What the schema cannot check, and the resolved Registry.

class RegistryBuilder {
  private readonly root: string;
  private readonly resolver: ProjectResolver;
  private readonly notes: RegistryNote[] = [];
  /** Every module of the registry's folder by its registry name, for "did you mean": listed on the first miss. */
  private moduleNames: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly config: RawConfig,
    /** Whether exported names are checked against the code. */
    private readonly checkExports = true,
  ) {
    this.root = path.dirname(file);
    const fail = (jsonPath: string, expected: string): never => this.fail(jsonPath, expected);
    const settingsOf = (language: Language) => (language.settings ? (config as Record<string, unknown>)[language.settings.key] : undefined);
    this.resolver = new ProjectResolver(
      LANGUAGES.map((language) => language.moduleSystem({ root: this.root, settings: settingsOf(language), fail })),
    );
  }

  build(): Registry {
    this.checkGlobs();
    const modules = this.buildModules();
    const movedFrom = new Map(modules.map((move, i) => [moduleKey(move.from), i]));
    const symbols = this.buildSymbols(movedFrom);
    const legacyByModule = new Map<string, Map<string, LegacySymbol>>();
    const canonicalByModule = new Map<string, Map<string, CanonicalSymbol>>();
    for (const symbol of symbols) {
      entryMap(canonicalByModule, moduleKey(symbol.module)).set(symbol.name, symbol);
      for (const legacy of symbol.legacy) entryMap(legacyByModule, moduleKey(legacy.module)).set(legacy.name, legacy);
    }
    const legacyModules = new Set([...legacyByModule.keys(), ...modules.map((m) => moduleKey(m.from))]);
    const canonicalModules = new Set([...canonicalByModule.keys(), ...modules.map((m) => moduleKey(m.to))]);
    const everyModule = [
      ...modules.flatMap((m) => [m.from, m.to]),
      ...symbols.flatMap((s) => [s.module, ...s.legacy.flatMap((l) => (l.construct ? [l.module, l.construct.module] : [l.module]))]),
    ];
    return {
      file: this.file,
      root: this.root,
      include: this.config.include ?? DEFAULT_INCLUDE,
      exclude: this.config.exclude ?? [],
      resolver: this.resolver,
      modules,
      symbols,
      legacyByModule,
      movesByModule: new Map(modules.map((move) => [moduleKey(move.from), move])),
      canonicalByModule,
      legacyModules,
      canonicalModules,
      moduleFileNames: new Set([...legacyModules, ...canonicalModules].map((key) => path.basename(key))),
      prefilter: buildPrefilter(this.resolver, everyModule, [...modules.map((m) => m.from), ...symbols.flatMap((s) => s.legacy.map((l) => l.module))], symbols),
      redirects: new Map(),
      notes: this.notes,
    };
  }

  private buildModules(): ModuleMove[] {
    const moves: ModuleMove[] = [];
    const firstMoveOf = new Map<string, number>();
    (this.config.modules ?? []).forEach((raw, i) => {
      const at = `$.modules[${i}]`;
      const from = this.resolveModule(raw.from, `${at}.from`);
      const to = this.resolveModule(raw.to, `${at}.to`);
      this.sameLanguage(to, raw.to, `${at}.to`, from, raw.from);
      const key = moduleKey(from);
      const earlier = firstMoveOf.get(key);
      if (earlier !== undefined) this.fail(`${at}.from`, `"${raw.from}" is already moved by $.modules[${earlier}] (expected each module listed once)`);
      if (key === moduleKey(to)) this.fail(`${at}.to`, `"${raw.to}" is the module being moved (expected a different module)`);
      firstMoveOf.set(key, i);
      moves.push({ from, to });
    });
    // A move onto a module that itself moves would need a second run to settle: ask for the final home.
    moves.forEach((move, i) => {
      const onward = firstMoveOf.get(moduleKey(move.to));
      if (onward !== undefined) {
        this.fail(`$.modules[${i}].to`, `"${this.config.modules![i].to}" is itself moved by $.modules[${onward}] (expected the module's final home, "${this.config.modules![onward].to}")`);
      }
    });
    return moves;
  }

  private buildSymbols(movedFrom: Map<string, number>): CanonicalSymbol[] {
    const symbols: CanonicalSymbol[] = [];
    const canonicalAt = new Map<string, string>();
    const legacyAt = new Map<string, string>();
    const notMoved = (ref: ModuleRef, name: string, jsonPath: string) => {
      const move = movedFrom.get(moduleKey(ref));
      if (move !== undefined) {
        this.fail(jsonPath, `"${name}" is moved by $.modules[${move}] (expected its new home, "${this.config.modules![move].to}")`);
      }
    };
    (this.config.symbols ?? []).forEach((raw, i) => {
      const at = `$.symbols[${i}]`;
      const module = this.resolveModule(raw.from, `${at}.from`);
      notMoved(module, raw.from, `${at}.from`);
      const pair = pairKey(raw.name, module);
      const earlier = canonicalAt.get(pair);
      if (earlier) this.fail(at, `symbol "${raw.name}" from "${raw.from}" is already listed at ${earlier} (expected each symbol listed once)`);
      canonicalAt.set(pair, at);
      this.requireExport(module, raw.from, raw.name, `${at}.name`, 'the canonical module');
      const symbol: CanonicalSymbol = { name: raw.name, module, legacy: [] };
      (raw.legacy ?? []).forEach((rawLegacy, j) => {
        const legacyPath = `${at}.legacy[${j}]`;
        const legacyModule = this.resolveModule(rawLegacy.from, `${legacyPath}.from`);
        this.sameLanguage(legacyModule, rawLegacy.from, `${legacyPath}.from`, module, raw.from);
        const legacyPair = pairKey(rawLegacy.name, legacyModule);
        if (legacyPair === pair) {
          this.fail(legacyPath, `"${rawLegacy.name}" from "${rawLegacy.from}" is the canonical symbol itself (expected a different name or module)`);
        }
        const earlierLegacy = legacyAt.get(legacyPair);
        if (earlierLegacy) {
          this.fail(legacyPath, `legacy "${rawLegacy.name}" from "${rawLegacy.from}" is already listed at ${earlierLegacy} (expected each legacy name and module listed once)`);
        }
        legacyAt.set(legacyPair, legacyPath);
        this.requireExport(legacyModule, rawLegacy.from, rawLegacy.name, `${legacyPath}.name`, 'the legacy module');
        const legacy: LegacySymbol = { name: rawLegacy.name, module: legacyModule, canonical: symbol };
        if (rawLegacy.construct) {
          legacy.construct = this.buildConstruct(rawLegacy.construct, `${legacyPath}.construct`, notMoved);
          this.sameLanguage(legacy.construct.module, rawLegacy.construct.from, `${legacyPath}.construct.from`, legacyModule, rawLegacy.from);
        }
        symbol.legacy.push(legacy);
      });
      symbols.push(symbol);
    });
    // A name cannot be both the canonical form and a legacy one, even across symbols.
    for (const [pair, legacyPath] of legacyAt) {
      const canonical = canonicalAt.get(pair);
      if (canonical) this.fail(legacyPath, `is the canonical symbol of ${canonical} (expected a legacy name and module, not a canonical one)`);
    }
    return symbols;
  }

  private buildConstruct(
    raw: RawConstruct,
    at: string,
    notMoved: (ref: ModuleRef, name: string, jsonPath: string) => void,
  ): ConstructRule {
    const module = this.resolveModule(raw.from, `${at}.from`);
    notMoved(module, raw.from, `${at}.from`);
    this.requireExport(module, raw.from, raw.factory, `${at}.factory`, 'the factory module');
    return { factory: raw.factory, module, minArgs: raw.minArgs ?? 0 };
  }

  /** A glob that leaves the folder (a `..` segment, also inside braces, or an absolute path) would read files outside it. */
  private checkGlobs(): void {
    for (const key of ['include', 'exclude'] as const) {
      (this.config[key] ?? []).forEach((glob, i) => {
        if (/(^|[/{,])\.\.($|[/},])/.test(glob) || path.isAbsolute(glob)) {
          this.fail(`$.${key}[${i}]`, `${JSON.stringify(glob)} leads out of the registry's folder (expected a glob relative to the registry's folder, inside it)`);
        }
      });
    }
  }

  /** An entry maps within one language: a Python name never becomes a JavaScript import, nor the reverse. */
  private sameLanguage(module: ModuleRef, written: string, jsonPath: string, other: ModuleRef, otherWritten: string): void {
    const language = this.resolver.systemOf(module).language;
    const otherLanguage = this.resolver.systemOf(other).language;
    if (language === otherLanguage) return;
    this.fail(jsonPath, `"${written}" is a ${language.name} module but "${otherWritten}" is a ${otherLanguage.name} one (expected the modules of one entry in one language)`);
  }

  private resolveModule(name: string, jsonPath: string): ModuleRef {
    const found = this.resolver.registryModule(name);
    if ('problem' in found) this.fail(jsonPath, found.problem + this.nearestModule(name));
    // Named inside the folder, a module may still be a file outside it, through a link on the way: such a
    // file is neither read nor taken as the registry's.
    const { module } = found;
    const real = module.kind === 'file' ? realPathOr(module.path) : null;
    if (real !== null && !isInside(realPathOr(this.root), real)) {
      this.fail(jsonPath, `"${name}" leads through a link out of the registry's folder, to ${real} (expected a module inside the folder)`);
    }
    return module;
  }

  /** `; did you mean "src/agents/engine"?` for a name that resolves to nothing but is close to one that does. */
  private nearestModule(name: string): string {
    // Loaded only here, for a mistake: a worker thread, which loads the registry too, never lists files.
    const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
    // Links are not followed: a folder linked from outside is no module of the registry's, and is not read.
    this.moduleNames ??= [...new Set(globSync(['**/*'], { cwd: this.root, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false })
      .flatMap((file) => {
        const system = this.resolver.systems.find((s) => s.language.handles(file));
        return system ? [system.registryNameOfFile(file)] : [];
      }))].sort();
    return didYouMean(name, this.moduleNames);
  }

  /**
   * The module must export the name, directly or through re-export chains. A module whose exports cannot
   * all be known (a package whose files cannot be found, an `export *` from one, a legacy file that does
   * not parse) gets the benefit of the doubt, and a note saying so.
   */
  private requireExport(module: ModuleRef, written: string, name: string, jsonPath: string, role: string): void {
    if (!this.checkExports) return;
    let exports;
    try {
      exports = this.resolver.exports(module);
    } catch (error) {
      if (!(error instanceof ModuleReadError)) throw error;
      const fromPath = jsonPath.replace(/\.(name|factory)$/, '.from');
      const reason = `"${written}" cannot be parsed: ${error.reason}`;
      if (module.kind === 'package' || role === 'the legacy module') return this.note(jsonPath, `${reason}, so "${name}" could not be checked`);
      this.fail(fromPath, `${reason} (expected ${role} to be valid ${this.resolver.systemOf(module).language.name})`);
    }
    if (!exports) return this.note(jsonPath, `the files of "${written}" cannot be found, so "${name}" could not be checked`);
    if (exports.names.has(name)) return;
    const words = this.resolver.systemOf(module).language.words;
    if (!exports.complete) return this.note(jsonPath, `"${written}" exports names that cannot all be listed (${words.openExports}), so "${name}" could not be checked`);
    this.fail(jsonPath, `"${written}" does not export "${name}" (expected a name ${role} exports, directly or through ${words.reexportChains})${didYouMean(name, exports.names)}`);
  }

  private note(jsonPath: string, message: string): void {
    this.notes.push({ file: this.file, jsonPath, message });
  }

  private fail(jsonPath: string, expected: string): never {
    throw new RegistryError(this.file, jsonPath, expected);
  }
}

function pairKey(name: string, module: ModuleRef): string {
  return `${moduleKey(module)}\u0000${name}`;
}

function entryMap<V>(maps: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}

