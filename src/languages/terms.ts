/**
 * The terms the seam is written in (language.ts): what a language reads in a file — modules, references,
 * module strings, construct calls — and the spans and edits it speaks of them with. Nothing here knows a
 * syntax; the import model (import-model.ts) is written in these terms too.
 */

/** A module, by identity: the real path of its file, or a bare package name the project does not hold. */
export type ModuleRef = { kind: 'file'; path: string } | { kind: 'package'; name: string };

/** A stable key for a module: the absolute file path, or `pkg:` + the bare specifier. */
export function moduleKey(ref: ModuleRef): string {
  return ref.kind === 'file' ? ref.path : `pkg:${ref.name}`;
}

/** The module a key of moduleKey() stands for. */
export function moduleOfKey(key: string): ModuleRef {
  return key.startsWith('pkg:') ? { kind: 'package', name: key.slice('pkg:'.length) } : { kind: 'file', path: key };
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

/**
 * What a run asks of the statements a language writes, beyond the style the language reads for each file
 * (the project's formatter configuration, or the file's own).
 */
export interface RenderOptions {
  /**
   * `--format-with`: the statements written are also formatted by the project's own formatter, named as the
   * language knows it (JavaScript: `prettier`), or `auto`: by the project's formatter where one is installed.
   */
  formatWith?: string;
  /**
   * The project's tree (its repository; outside git, the registry's folder): its own formatter is used only
   * when installed inside it, never from a parent folder's node_modules. Absent: no formatter of the
   * project's is loaded at all (`check`, which writes nothing, runs no code of the repository).
   */
  tree?: string;
  /**
   * What the language may keep for the length of a run (the style files it read), so that a thousand files
   * of one folder read them once. One per registry loaded; absent, nothing is kept between files.
   */
  runMemo?: Map<string, unknown>;
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

/**
 * Asked of a file read from its import prologue alone (`Language.parseHead`) for what only the whole file
 * holds (its scopes): the engine parses the file whole and runs its transforms again from the start.
 * Thrown as the one WHOLE_FILE_NEEDED: a signal, whose stack (12 ms a run at 20,000 files) nobody reads.
 */
export class WholeFileNeeded extends Error {
  constructor() {
    super('the whole file is needed');
    this.name = 'WholeFileNeeded';
  }
}

export const WHOLE_FILE_NEEDED = new WholeFileNeeded();

export interface ModuleExports {
  names: Set<string>;
  /** False when some exports could not be listed: a name missing from `names` may still exist. */
  complete: boolean;
}

/** A module that a test runner's setup file mocks for every test of a file, and that setup file (absolute path). */
export interface SetupMock {
  module: ModuleRef;
  setupFile: string;
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
  /**
   * Other modules can import it by this name (a Python module-level name): before it is renamed or
   * removed, the module system is asked whether any does (`ModuleSystem.importerOf`).
   */
  readonly importable?: boolean;
  /** Where the file itself makes the name public (Python: `__all__`, line 3), if it does. */
  readonly published?: string;
}

/** Where another file (or the module's own public list) uses a module's name. */
export interface NameUse {
  file: string;
  line: number;
}

export interface Reference extends Span {
  readonly name: string;
  readonly context: ReferenceContext;
  readonly binding: Binding | null;
  /** Inside a function body, method or non-static field: it does not run when the module loads. */
  readonly deferred: boolean;
  /**
   * Set when the reference is a module bound whole and reaches one of its names (Python's
   * `mod.ExecutionEngine(ctx)`): that name, and how it is used.
   */
  readonly member?: { readonly name: string; readonly context: ReferenceContext };
}

export interface Scopes {
  /** Every reference to a name, in source order. */
  readonly references: readonly Reference[];
  /** Whether a name is declared anywhere in the file, or used without a declaration (a global). */
  isNameTaken(name: string): boolean;
  /** The binding `binding` is a constant alias of (`const Alias = Imported`), if it is one. */
  aliasedBinding(binding: Binding): Binding | null;
  /**
   * The member and property names of the classes and object literals (or the language's like) that
   * enclose a reference: a call `name()` inside a member called `name` reads as that member recursing.
   * A language without such containers may leave it out.
   */
  memberNamesAround?(reference: Reference): ReadonlySet<string>;
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
  /** The file loads the module when it loads (`export *`, `require()`): repointing it may close an import cycle. */
  readonly loads?: boolean;
  /** It names the module in a type only (`typeof import('./m')`, `declare module './m'`): nothing runs. */
  readonly typeOnly?: boolean;
  /** It sets up or removes a test runner's mock of the module (`jest.mock('./m')`, `vi.mock(…)`, `jest.unmock`). */
  readonly mocks?: boolean;
  /**
   * Set when the string names a module and then attributes of it, joined by this separator, and only the
   * project knows where the module's name ends (Python's `mock.patch('pkg.mod.Name.attr')`): the engine
   * takes the longest prefix that names a module as `value`, and the part after it as `member`.
   */
  readonly attributeSeparator?: string;
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
  /** The call as messages show it, in the file's language: `new ExecutionEngine()`. */
  readonly shown: string;
  readonly argumentCount: number;
  readonly hasSpread: boolean;
}

// ── how messages name a language's constructs ──────────────────────────────

/** The words findings and registry errors use for a language's constructs. */
export interface LanguageWords {
  /** A declaration that binds no name: `side-effect import`. */
  bareImport: string;
  /** A declaration that binds a module whole: `namespace import`. */
  namespaceImport: string;
  /** What is done to a class to make an instance: `constructed with new`. */
  constructed: string;
  /** What a subclass does: `extended`. */
  extended: string;
  /** Arguments whose number is known only when the call runs: `spread arguments`. */
  spreadArguments: string;
  /** How exports are followed from module to module: `export … from / export * chains`. */
  reexportChains: string;
  /** Why a module's exports may not all be listed: `an export * from a module that cannot be read, …`. */
  openExports: string;
  /** An import as check's patterns list it: `'<specifier>' <name>` and ` as <alias>`. */
  importForm(specifier: string, name: string, alias: string | null): string;
}
