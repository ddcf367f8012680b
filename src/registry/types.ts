/**
 * The registry as the engine uses it: every module already resolved, every name checked, and the
 * indexes the engine looks things up in. Produced by loadRegistry() (load.ts) from ssot.config.json.
 */
import type { LanguagePrefilter, ModuleRef } from '../languages/language';
import type { ProjectResolver } from './project-resolver';

export interface ConstructRule {
  /** Exported name of the factory. */
  factory: string;
  /** Module that exports the factory. */
  module: ModuleRef;
  /** Fewer arguments than this cannot be migrated automatically. */
  minArgs: number;
}

export interface CanonicalSymbol {
  /** Exported name in the canonical module; "default" for a default export. */
  name: string;
  module: ModuleRef;
  legacy: LegacySymbol[];
}

export interface LegacySymbol {
  /** Exported name in the legacy module; "default" for a default export. */
  name: string;
  module: ModuleRef;
  canonical: CanonicalSymbol;
  construct?: ConstructRule;
}

export interface ModuleMove {
  from: ModuleRef;
  to: ModuleRef;
}

export interface Registry {
  /** Absolute path of ssot.config.json. */
  file: string;
  /** Absolute path of the registry's folder: every relative path in the registry is relative to it. */
  root: string;
  include: string[];
  exclude: string[];
  /** The project's modules, through the module system of each language. */
  resolver: ProjectResolver;
  modules: ModuleMove[];
  symbols: CanonicalSymbol[];
  /** moduleKey(legacy module) → legacy name → entry. */
  legacyByModule: Map<string, Map<string, LegacySymbol>>;
  /** moduleKey(module move's from) → move. */
  movesByModule: Map<string, ModuleMove>;
  /** moduleKey(canonical module) → canonical name → symbol. */
  canonicalByModule: Map<string, Map<string, CanonicalSymbol>>;
  /** Keys of every legacy module (a legacy[].from or a modules[].from). */
  legacyModules: Set<string>;
  /** Keys of every canonical module (a symbols[].from or a modules[].to). */
  canonicalModules: Set<string>;
  /** Base names of the files of legacy and canonical modules: only a file named so can be one. */
  moduleFileNames: Set<string>;
  /** The strings a file must contain to be parsed. */
  prefilter: Prefilter;
  /** moduleKey(legacy module) → where it lives as a whole, or null; filled in as files ask (redirects.ts). */
  redirects: Map<string, ModuleRef | null>;
  /** What could not be checked against the code (a module whose exports cannot all be known). */
  notes: RegistryNote[];
}

/** Something the registry says that could not be checked: not an error, but worth saying once. */
export interface RegistryNote {
  file: string;
  /** `$.symbols[0].legacy[1].name`, … */
  jsonPath: string;
  message: string;
}

/** The strings a file must contain to be parsed, per language (prefilter.ts builds it when the registry loads). */
export interface Prefilter {
  /** Every language's needles. */
  needles: string[];
  /** Whether a text may refer to a registry module in any language (a file's own language is asked first). */
  mentions(text: string): boolean;
  byLanguage: Map<string, LanguagePrefilter>;
  /**
   * Per language that has an alias test: whether a file that passes may need a rewrite. It must name a
   * legacy module, or import a canonical name under another name; a file that names canonical modules
   * only, as they are, has nothing to rewrite (`check` still parses it, to count its canonical imports).
   * `linkFree`: the tree holds no link that could name a legacy module's folder or file otherwise, so a
   * legacy module that shares its file name with a canonical one may be told apart by its folder.
   */
  rewrites: Map<string, (file: string, text: string, linkFree: boolean) => boolean>;
}
