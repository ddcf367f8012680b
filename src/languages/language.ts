/**
 * The seam between the engine and a programming language. The registry, the engine, the transforms, the
 * runner, batches and reports speak only of what this file defines: modules, references, module strings,
 * import declarations and text edits. Whatever knows a syntax (a parser, its tree, how an import or a
 * rename is spelled) lives behind `Language`, in one folder per language. README: "Adding a language".
 */
import type { ImportDecl, ImportModel } from '../engine/import-model';

/** A module, by identity: the real path of its file, or a bare package name the project does not hold. */
export type ModuleRef = { kind: 'file'; path: string } | { kind: 'package'; name: string };

/** A stable key for a module: the absolute file path, or `pkg:` + the bare specifier. */
export function moduleKey(ref: ModuleRef): string {
  return ref.kind === 'file' ? ref.path : `pkg:${ref.name}`;
}

/** A range of the original text, in UTF-16 code units, as offsets from its start (a BOM included). */
export interface Span {
  start: number;
  end: number;
}

/** One replacement of the original text: the engine's only currency, as TypeScript's `TextChange` is. */
export interface TextEdit extends Span {
  text: string;
}

/** The file does not parse; `line` and `column` are 1-based. */
export class SourceParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'SourceParseError';
  }
}

export interface ModuleExports {
  names: Set<string>;
  /** False when some exports could not be listed: a name missing from `names` may still exist. */
  complete: boolean;
}

/** A module's own file could not be read or parsed. */
export class ModuleReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ModuleReadError';
  }
}

// ── what a language reads in one file ──────────────────────────────────────

/**
 * How a reference uses its binding, in the terms the transforms decide by. `new-callee`, `extends` and
 * `value` can construct a class; `type`, `typeof-type` and `instanceof` cannot. `shorthand-property`,
 * `export-specifier` and `jsx` are values whose rename a language must spell with care.
 */
export type ReferenceContext =
  | 'value'
  | 'new-callee'
  | 'extends'
  | 'instanceof'
  | 'shorthand-property'
  | 'export-specifier'
  | 'type'
  | 'typeof-type'
  | 'jsx';

export interface Binding {
  readonly name: string;
  readonly references: Reference[];
}

export interface Reference extends Span {
  readonly name: string;
  readonly context: ReferenceContext;
  readonly binding: Binding | null;
  /** Inside a function body, method or non-static field: it does not run when the module loads. */
  readonly deferred: boolean;
}

export interface Scopes {
  /** Every reference to a name, in source order. */
  readonly references: readonly Reference[];
  /** Whether a name is declared anywhere in the file, or used without a declaration (a global). */
  isNameTaken(name: string): boolean;
  /** The binding `binding` is a constant alias of (`const Alias = Imported`), if it is one. */
  aliasedBinding(binding: Binding): Binding | null;
}

/**
 * A module named by a string outside the import declarations: `export * from`, `import()`, `require()`,
 * a mock's path, a type import. Its string is repointed in place.
 */
export interface ModuleString {
  /** How the file writes it, for messages: `export *`, `import()`, `mock`… */
  readonly label: string;
  readonly value: string;
  /** The string literal, quotes included. */
  readonly literal: Span;
  /** Set for a form that reaches one export of the module by name: `import('./m').Name` in a type. */
  readonly member?: ModuleMember;
}

export interface ModuleMember {
  /** The name it reaches; null when the form names none (`typeof import('./m')`). */
  readonly name: string | null;
  /** True where what it reaches can be constructed (`typeof import('./m').Class`). */
  readonly constructs: boolean;
}

/** A `new Legacy(args)`-like call of a binding: what `direct-instantiation` rewrites into a factory call. */
export interface ConstructCall extends Span {
  readonly calleeName: string;
  readonly argumentCount: number;
  readonly hasSpread: boolean;
}

/** One parsed file, as its language reads it and spells edits to it. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** The form of a new import when there is no declaration beside which it is asked for (`import`). */
  readonly defaultImportForm: string;
  /** The module declarations the import model edits, in source order; `resolve` names their modules. */
  readImports(resolve: (specifier: string) => ModuleRef | null): ImportDecl[];
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
  /** Every change the import model holds, planned, as edits of this file. */
  renderImports(model: ImportModel, specifierFor: SpecifierWriter): TextEdit[];
}

/** A specifier for `module` in this file, in the style of `styleOf`, a specifier the file already writes. */
export type SpecifierWriter = (module: ModuleRef, styleOf: string) => string;

// ── what a language knows of a project ─────────────────────────────────────

/** One project's modules as one language sees them; made once per registry, from its settings. */
export interface ModuleSystem {
  readonly language: Language;
  /** A registry name (a path without extension, a package, a dotted name…) ➔ its module, or what is wrong with it. */
  resolveRegistryName(name: string): { module: ModuleRef } | { problem: string };
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
  /** The cheap text test that lets most files skip parsing, for these registry modules. */
  prefilter(modules: readonly ModuleRef[]): LanguagePrefilter;
  /** Globs (relative to the registry's folder) that never hold this language's sources: build output. */
  ignoredGlobs(): string[];
}

export interface LanguagePrefilter {
  /** Strings one of which a file that refers to any of the modules must contain. */
  readonly needles: readonly string[];
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
  /** Whether a file of this name is this language's. */
  handles(file: string): boolean;
  moduleSystem(setup: ModuleSystemSetup): ModuleSystem;
  /** Throws SourceParseError when the text does not parse. */
  parse(path: string, text: string): SourceFile;
}
