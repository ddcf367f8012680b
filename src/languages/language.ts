/**
 * The seam between the engine and a programming language. The registry, the engine, the transforms, the
 * runner, batches and reports speak only of what this file defines: modules, references, module strings,
 * import declarations and text edits. Whatever knows a syntax (a parser, its tree, how an import or a
 * rename is spelled) lives behind `Language`, in one folder per language. README: "Adding a language".
 */
import type { ImportDecl, ImportModel, ImportSpec, ReadDeclaration } from './import-model';
import type {
  ConstructCall, LanguageWords, ModuleExports, ModuleRef, ModuleString, NameUse, Reference, RenderOptions, Scopes, SetupMock,
  TextEdit,
} from './terms';

export * from './terms';

/** One parsed file, as its language reads it and spells edits to it. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** The form of a new import when there is no declaration beside which it is asked for (`import`). */
  readonly defaultImportForm: string;
  /** The module declarations, in source order, as plain data: the import model adopts them. */
  readImports(): ReadDeclaration[];
  readonly moduleStrings: readonly ModuleString[];
  /** Computed when first asked for. */
  readonly scopes: Scopes;
  /** The construct call whose callee `reference` is; null when it is no such call. */
  constructCall(reference: Reference): ConstructCall | null;

  /** `reference` renamed to `name`, keeping what the old name meant where it was also a key or an export. */
  renameReference(reference: Reference, name: string): TextEdit[];
  /** `call` as a call of `factory`, its type arguments and arguments kept. */
  rewriteConstructCall(call: ConstructCall, factory: string): TextEdit[];
  /** The module string pointed at `specifier`, and its member renamed to `member` when given. */
  repointModuleString(string: ModuleString, specifier: string, member?: string): TextEdit[];
  /**
   * Every change the import model holds, as edits of this file, laid out in the project's style for it (its
   * formatter's configuration, else the file's own). The engine plans the model first.
   */
  renderImports(model: ImportModel, specifierFor: SpecifierWriter, options?: RenderOptions): TextEdit[];
  /**
   * Optional, a cheaper safety net: true when `output` (this file with `edits` spliced in, in order) is
   * proven to parse by checking only what the edits touched; false when it cannot tell, and then the
   * engine parses the whole output. It may never say true of an output that does not parse.
   */
  confirmsRewrite?(output: string, edits: readonly TextEdit[]): boolean;
  /**
   * Whether `specs`, moved off `from` (or asked for beside it), may be written into `into`, an existing
   * declaration of their module. Absent: always (JavaScript hoists its imports). Python binds a name when
   * its import runs: only an earlier import of the same block.
   */
  mayMerge?(into: ImportDecl, from: ImportDecl | null, specs: readonly ImportSpec[]): boolean;
  /**
   * Optional: statements that `edits` (every edit of the file, in order) leave as the project's formatter
   * would no longer write them, where it wrote them so before, each written anew as one edit that stands for
   * every edit inside it (a rename that pushes a call past the print width). Absent or none: the edits stand.
   */
  relayout?(edits: readonly TextEdit[], options?: RenderOptions): TextEdit[];
}

/** A specifier for `module` in this file, in the style of `styleOf`, a specifier the file already writes. */
export type SpecifierWriter = (module: ModuleRef, styleOf: string) => string;

// ── what a language knows of a project ─────────────────────────────────────

/** One project's modules as one language sees them; made once per registry, from its settings. */
export interface ModuleSystem {
  readonly language: Language;
  /**
   * A registry name (a path without extension, a package, a dotted name…) ➔ its module, or what is wrong
   * with it; null when it is no name this language reads at all (it then gives no reason of its own).
   */
  resolveRegistryName(name: string): { module: ModuleRef } | { problem: string } | null;
  /** How the registry names the module in a file at `relativePath` (forward slashes, from the registry's folder). */
  registryNameOfFile(relativePath: string): string;
  /** The module a specifier written in `fromFile` refers to; null if it leads to no module we can name. */
  resolve(specifier: string, fromFile: string): ModuleRef | null;
  /** A specifier for `target` written in `fromFile`, in the style of `styleOf`. */
  specifierFor(target: ModuleRef, fromFile: string, styleOf?: string): string;
  /** The module a file of the project is, with the identity resolve() gives it. */
  moduleOfFile(file: string): ModuleRef;
  /** The names a module exports; null when its files cannot be found. Throws ModuleReadError. */
  exports(module: ModuleRef): ModuleExports | null;
  /**
   * The modules a module loads when it is loaded (imports and re-exports, not type-only ones), as resolve()
   * names them: what import cycles are made of. Empty for a module outside the project's folder (a
   * dependency never loads the project's files) or one whose file cannot be read.
   */
  imports(module: ModuleRef): readonly ModuleRef[];
  /**
   * The modules the project's test runners mock for every test of `file`, in setup files their
   * configuration names (read, never run). A language whose test runners have no such setup leaves it out.
   */
  setupMocks?(file: string): readonly SetupMock[];
  /**
   * The cheap text test that lets most files skip parsing, for these registry modules. `apart`: other
   * registry modules, which a file may name without referring to these; a language that can tell a module
   * from one of them that shares its name (JavaScript: by its folder) lets such a file skip.
   */
  prefilter(modules: readonly ModuleRef[], apart?: readonly ModuleRef[]): LanguagePrefilter;
  /**
   * The cheap text test for a file that names canonical modules only: whether it may import one of `names`
   * under a local name of its own, the one thing a rewrite changes in such a file. Without it (a language
   * whose import forms the test does not know), every file the pre-filter passes is parsed.
   */
  aliasTest?(names: readonly string[]): (text: string) => boolean;
  /** Globs (relative to the registry's folder) that never hold this language's sources: build output. */
  ignoredGlobs(): string[];
  /**
   * For a language whose modules' names can be imported by name (`Binding.importable`): the first place
   * outside `exceptFile` that imports, patches or publishes `name` of `module`; null when none does.
   */
  importerOf?(module: ModuleRef, name: string, exceptFile: string): NameUse | null;
}

export interface LanguagePrefilter {
  /** Strings one of which a file that refers to any of the modules must contain. */
  readonly needles: readonly string[];
  /**
   * Whether a file's text may refer to one of the modules: it holds a needle where a specifier could hold
   * it (JavaScript: `/name` or `'name` followed by a quote, `/` or `.`, not the word in code or prose).
   * Without it, any needle anywhere in the text counts.
   */
  mentions?(text: string): boolean;
  /** Files that may refer to one of them without holding a needle (inside an index module's folder: `'.'`). */
  mustParse(file: string): boolean;
  /** Whether a specifier may name one of the modules: only such specifiers are resolved. */
  mayReach(specifier: string): boolean;
}

/** What a language needs to set up a project: its folder and its own section of the registry. */
export interface ModuleSystemSetup {
  root: string;
  /** The registry's value for `settingsKey`; undefined when absent. */
  settings: unknown;
  /** Ends loading with a registry error at `jsonPath`; `expected` says what was wrong and what is expected. */
  fail(jsonPath: string, expected: string): never;
}

/** When a file's transforms will ask for its scopes: what a rewrite read from the import prologue alone cannot answer. */
export interface ScopeNeeds {
  /** Names a transform rewrites where they are used: one of them after the prologue means the scopes. */
  rewrittenInPlace: readonly string[];
  /**
   * Whether importing `imported` (`default` for a default import) as `local` means the scopes whatever the
   * rest holds: a class with a construct rule (its every `new` is looked for), a legacy name the canonical
   * module gives another name, a registry name under an alias (whether the canonical name is free is asked
   * of the whole file).
   */
  importAsksScopes(imported: string, local: string): boolean;
}

export interface Language {
  readonly id: string;
  /** As messages name it: `JS/TS`. */
  readonly name: string;
  /**
   * The registry key that holds this language's settings (`tsconfig`), and its JSON Schema: the registry is
   * validated against it, and `npm run build` writes it into the editors' schema.
   */
  readonly settings?: { key: string; schema: Record<string, unknown> };
  /** What `include` means when a registry gives none. */
  readonly defaultInclude: readonly string[];
  /** How messages name its constructs (`constructed with new`, `called`). */
  readonly words: LanguageWords;
  /**
   * Whether a canonical module's own file is rewritten too (Python: its imports of other modules may go
   * through shims); a repoint onto the file's own module is then left and reported. Absent: never
   * rewritten (a JavaScript barrel re-exporting its legacy parts stays as it is).
   */
  readonly rewritesCanonicalModules?: boolean;
  /** Whether a file of this name is this language's. */
  handles(file: string): boolean;
  moduleSystem(setup: ModuleSystemSetup): ModuleSystem;
  /**
   * Throws SourceParseError when the text does not parse. `system`: the project's module system of this
   * language, for what its parser needs from the registry's settings (Python: the target version).
   */
  parse(path: string, text: string, system?: ModuleSystem): SourceFile;
  /**
   * Optional, for a rewrite: the file read from its import prologue alone, when nothing after it can
   * matter to one, else null. Its SourceFile throws WholeFileNeeded when asked for more. Never throws.
   * `needs`: what tells that the transforms will ask for the file's scopes, so that the whole file is
   * parsed at once rather than after a first try. Passed as the same object for a whole run.
   */
  parseHead?(path: string, text: string, needs?: ScopeNeeds): SourceFile | null;
  /**
   * Optional, for `--format-with NAME`: undefined when NAME is no formatter of this language; else null
   * when the project under `root` has it installed, or a message saying it has not (and how to install it).
   */
  formatterMissing?(name: string, root: string): string | null | undefined;
  /**
   * Optional: what `ssot-codemod init` reads in a file to propose legacy modules. A language without it
   * gets no proposals. Throws SourceParseError when the text does not parse.
   */
  survey?(path: string, text: string): ModuleSurvey;
}

/** A file as `init` sees it: does it only hand another module on, and is it marked deprecated? */
export interface ModuleSurvey {
  /**
   * Set when everything the file does is re-export other modules (a redirect stub, a compatibility
   * re-export): each module it re-exports, as the file writes it, and what of it: every name, or these.
   */
  reexportsOnly: { specifier: string; names: 'all' | { exported: string; imported: string }[] }[] | null;
  /** The text of the module's own deprecation mark (`@deprecated use …` in its header), if it has one. */
  deprecated: string | null;
  /** Exports marked deprecated one by one, each with its mark's text. */
  deprecatedExports: { name: string; note: string }[];
}
