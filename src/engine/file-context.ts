/**
 * What the transforms share for one file: its parse (through its language), the import model, the
 * registry's lookups, the findings, and the edits each transform makes. Transforms run in turn on the
 * same context, each seeing what the previous ones decided; the imports are written once at the end.
 * Nothing here knows a syntax: every edit is spelled by the file's language.
 */
import type {
  Binding, ConstructCall, LanguageWords, ModuleRef, ModuleString, Reference, RenderOptions, Scopes, SourceFile, Span, TextEdit,
} from '../languages/language';
import { moduleKey } from '../languages/language';
import type { CanonicalSymbol, LegacySymbol, ModuleMove, Registry } from '../registry/types';
import { mayReachRegistry } from '../registry/prefilter';
import { moduleRedirect } from '../registry/redirects';
import { anyLoads, loadsFile } from '../registry/module-graph';
import { registryNameOf, relativeToRegistry } from '../registry/names';
import { ImportModel } from '../languages/import-model';
import { TextEdits } from './text-edits';
import { isFileError, type Finding } from './results';
import { positionAt } from '../shared/text-position';
import { relativePosix } from '../shared/paths';

/** Who mocks a module, when it is the file itself rather than a setup file. */
const IN_THIS_FILE = 'this file';

/** Who made an edit, for the message when two collide: the running transform, or the import writer. */
const IMPORTS = 'the import writer';

export class FileContext {
  readonly edits = new TextEdits();
  readonly findings: Finding[] = [];
  /** Every fragmented site seen, fixed or not: what `check` counts. */
  readonly sites: Finding[] = [];
  /** Import sites that already reach a registry symbol the canonical way. */
  canonicalSites = 0;
  readonly imports: ImportModel;
  /** References a transform rewrote away (a `new Legacy()` now a factory call). */
  private readonly consumed = new Set<Reference>();
  private readonly resolved = new Map<string, ModuleRef | null>();
  private mocked: Map<string, string> | undefined;
  private strings: readonly ModuleString[] | undefined;
  private readonly elsewhere = new Map<string, string | null>();
  private editor = IMPORTS;

  constructor(
    readonly file: SourceFile,
    readonly registry: Registry,
    /** How the declarations it writes are laid out beyond the file's own style (`--format-with`). */
    private readonly render: RenderOptions = {},
  ) {
    this.imports = new ImportModel(file.readImports(), {
      resolve: (specifier) => this.resolve(specifier),
      defaultForm: file.defaultImportForm,
      movedTo: (module) => this.moduleMove(module)?.to ?? null,
      liveReferences: (binding) => this.liveReferences(binding),
      anyConsumed: () => this.consumed.size > 0,
      usedElsewhere: (binding) => this.usedElsewhere(binding),
      ...(file.mayMerge ? { mayMerge: file.mayMerge.bind(file) } : {}),
    });
  }

  get path(): string {
    return this.file.path;
  }

  /** How messages about this file name its language's constructs. */
  get words(): LanguageWords {
    return this.registry.resolver.systemForFile(this.path).language.words;
  }

  get scopes(): Scopes {
    return this.file.scopes;
  }

  /** The file's module strings; one that names attributes after its module is split where the module ends. */
  get moduleStrings(): readonly ModuleString[] {
    return (this.strings ??= this.file.moduleStrings.flatMap((s) => {
      if (s.attributeSeparator === undefined) return [s];
      const split = this.splitAtModule(s, s.attributeSeparator);
      return split ? [split] : [];
    }));
  }

  /**
   * `pkg.mod.Name.attr` ➔ `pkg.mod` with member `Name`: the longest prefix that names a module of interest
   * (a string none of whose prefixes does is of no interest to any transform).
   */
  private splitAtModule(string: ModuleString, separator: string): ModuleString | null {
    const parts = string.value.split(separator);
    for (let n = parts.length - 1; n >= 1; n--) {
      const value = parts.slice(0, n).join(separator);
      if (this.resolve(value)) return { ...string, value, member: { name: parts[n], constructs: false } };
    }
    return null;
  }

  /**
   * The module a specifier written in this file refers to, when it may be a registry module; null for one
   * that names none (no transform has anything to do with it, so it is not resolved at all).
   */
  resolve(specifier: string): ModuleRef | null {
    let ref = this.resolved.get(specifier);
    if (ref === undefined) {
      ref = mayReachRegistry(this.registry, specifier, this.path) ? this.registry.resolver.resolve(specifier, this.path) : null;
      this.resolved.set(specifier, ref);
    }
    return ref;
  }

  // ── the registry, as this file asks it ──────────────────────────────────

  legacySymbol(module: ModuleRef | null, name: string): LegacySymbol | undefined {
    return this.legacySymbols(module)?.get(name);
  }

  legacySymbols(module: ModuleRef | null): Map<string, LegacySymbol> | undefined {
    return module ? this.registry.legacyByModule.get(moduleKey(module)) : undefined;
  }

  canonicalSymbol(module: ModuleRef | null, name: string): CanonicalSymbol | undefined {
    return module ? this.registry.canonicalByModule.get(moduleKey(module))?.get(name) : undefined;
  }

  moduleMove(module: ModuleRef | null): ModuleMove | undefined {
    return module ? this.registry.movesByModule.get(moduleKey(module)) : undefined;
  }

  /** The file's own module: a repoint onto it would make the file import itself. */
  isOwnModule(module: ModuleRef | null): boolean {
    return !!module && moduleKey(module) === moduleKey(this.registry.resolver.moduleOfFile(this.path));
  }

  isLegacyModule(module: ModuleRef | null): boolean {
    return !!module && this.registry.legacyModules.has(moduleKey(module));
  }

  /** Where a legacy module lives as a whole, if it does (registry/redirects.ts). */
  redirectOf(module: ModuleRef | null): ModuleRef | null {
    return moduleRedirect(this.registry, module);
  }

  // ── references ──────────────────────────────────────────────────────────

  /** References of a binding that no transform has rewritten away. */
  liveReferences(binding: Binding): Reference[] {
    return binding.references.filter((reference) => !this.consumed.has(reference));
  }

  /**
   * For a name other modules can import from this one (a Python module-level name): where it is made public
   * (`listed in __all__, line 3`) or where another file uses it (`used by tests/test_x.py:8`); null when
   * nowhere, and for any other binding.
   */
  usedElsewhere(binding: Binding): string | null {
    if (!binding.importable) return null;
    if (binding.published) return `listed in ${binding.published}`;
    const key = binding.name;
    if (!this.elsewhere.has(key)) {
      const system = this.registry.resolver.systemForFile(this.path);
      const use = system.importerOf?.(system.moduleOfFile(this.path), binding.name, this.path) ?? null;
      this.elsewhere.set(key, use ? `used by ${relativePosix(this.registry.root, use.file)}:${use.line}` : null);
    }
    return this.elsewhere.get(key)!;
  }

  constructCall(reference: Reference): ConstructCall | null {
    return this.file.constructCall(reference);
  }

  // ── edits, spelled by the file's language ───────────────────────────────

  /** Names the transform whose edits follow, so that a collision can say who collided. */
  startTransform(name: string): void {
    this.editor = name;
  }

  renameReference(reference: Reference, name: string): void {
    this.edit(this.file.renameReference(reference, name));
  }

  /** The call becomes a call of `factory`, and its callee is no longer a use of the class. */
  rewriteConstructCall(call: ConstructCall, callee: Reference, factory: string): void {
    this.edit(this.file.rewriteConstructCall(call, factory));
    this.consumed.add(callee);
  }

  /** How this file names `module`, in the style of `styleOf`, a specifier it already writes. */
  specifierFor(module: ModuleRef, styleOf: string): string {
    return this.registry.resolver.specifierFor(module, this.path, styleOf);
  }

  /** The string now names `module`, in the style the string was written in; its member becomes `member`. */
  repointModuleString(string: ModuleString, module: ModuleRef, member?: string): void {
    this.edit(this.file.repointModuleString(string, this.specifierFor(module, string.value), member));
  }

  /** Every transform has run: the import model plans where its changes land, and the language writes them. */
  writeImports(): void {
    this.editor = IMPORTS;
    this.imports.plan();
    this.edit(this.file.renderImports(this.imports, (module, styleOf) =>
      this.registry.resolver.specifierFor(module, this.path, styleOf || undefined), this.render));
    // A longer name can push a statement past the print width: the language lays out again what it must.
    for (const statement of this.file.relayout?.(this.edits.ordered(), this.render) ?? []) this.edits.replaceWithin(statement);
  }

  private edit(edits: TextEdit[]): void {
    this.edits.add(edits, this.editor);
  }

  // ── findings ────────────────────────────────────────────────────────────

  positionOf(span: Span): { line: number; column: number } {
    return positionAt(this.file.text, span.start, this.file);
  }

  /** A site that needs a human; also counted as a fragmented site unless it is a conflict. */
  report(span: Span, kind: string, message: string): void {
    const finding = this.finding(span, kind, message);
    this.findings.push(finding);
    if (kind !== 'conflict' && !isFileError(kind)) this.sites.push(finding);
  }

  /** A finding for a human that is no fragmented site (a name the registry does not map): listed, never counted. */
  note(span: Span, kind: string, message: string): void {
    this.findings.push(this.finding(span, kind, message));
  }

  /**
   * Why importing `module` here would close a new import cycle (it loads this file, directly or through
   * other modules, and this file does not load it already), or null when it would not.
   */
  cycleThrough(module: ModuleRef): string | null {
    if (!loadsFile(this.registry, module, this.path) || this.loadsAlready(module)) return null;
    return `${this.registryName(module)} loads this file, so importing it here would close an import cycle`;
  }

  /**
   * Why moving a reference from module `from` to module `to` would change what a test gets (one of them is
   * mocked, in this file or by the test runner's setup, and the other is not), or null when it would not.
   * The file's own mock of a module that moves as a whole moves with it (its string is repointed too).
   */
  mockBoundary(from: ModuleRef | null, to: ModuleRef): string | null {
    const mocks = this.mocks();
    const fromBy = from ? mocks.get(moduleKey(from)) : undefined;
    const toBy = mocks.get(moduleKey(to));
    if (!fromBy && !toBy) return null;
    if (fromBy === IN_THIS_FILE && !toBy && from && this.redirectOf(from) && moduleKey(this.redirectOf(from)!) === moduleKey(to)) return null;
    const [module, by] = fromBy ? [from!, fromBy] : [to, toBy!];
    const where = by === IN_THIS_FILE ? 'in this file' : `by the test setup (${relativeToRegistry(this.registry, by)})`;
    return `${this.registryName(module)} is mocked ${where}: moving the import ${fromBy ? 'off' : 'onto'} it would change what a test gets`;
  }

  /** Module key ➔ who mocks it: this file, or a setup file (absolute path). Read when first asked. */
  private mocks(): Map<string, string> {
    if (!this.mocked) {
      this.mocked = new Map();
      for (const { module, setupFile } of this.registry.resolver.setupMocks(this.path)) this.mocked.set(moduleKey(module), setupFile);
      for (const string of this.moduleStrings) {
        const module = string.mocks ? this.resolve(string.value) : null;
        if (module && !this.mocked.has(moduleKey(module))) this.mocked.set(moduleKey(module), IN_THIS_FILE);
      }
    }
    return this.mocked;
  }

  /** A module as the registry names it, quoted, for messages: `"src/common"`. */
  private registryName(module: ModuleRef): string {
    return `"${registryNameOf(this.registry, module)}"`;
  }

  /**
   * Whether the file, as it was read, loads `module` already (through a declaration or a module string that
   * loads with it): then it is in a cycle with it already, and importing it directly closes no new one.
   */
  private loadsAlready(module: ModuleRef): boolean {
    const loaded = [
      ...this.imports.decls.filter((d) => !d.typeOnly && (d.specs.length === 0 || d.specs.some((s) => !s.typeOnly))).map((d) => d.module),
      ...this.moduleStrings.filter((s) => s.loads).map((s) => this.resolve(s.value)),
    ];
    return anyLoads(this.registry, loaded.filter((m): m is ModuleRef => m !== null), module);
  }

  /** Whether a module is the new home of a module moved as a whole (registry `modules[].to`). */
  isMoveTarget(module: ModuleRef | null): boolean {
    return !!module && this.registry.modules.some((move) => moduleKey(move.to) === moduleKey(module));
  }

  /** A fragmented site, counted by `check` (whether or not a transform fixes it). */
  recordSite(span: Span, kind: string, message: string): void {
    this.sites.push(this.finding(span, kind, message));
  }

  private finding(span: Span, kind: string, message: string): Finding {
    const { line, column } = this.positionOf(span);
    return { file: this.path, line, column, kind, message };
  }
}
