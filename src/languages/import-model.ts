/**
 * A file's module declarations as data that transforms edit: import declarations, re-exports and
 * `require` destructurings (or a language's equivalents). Transforms only change the model — move a
 * specifier to another module, rename its local, remove it, ask for a new import — and plan() then
 * decides, once for every transform, where each change lands: merged into an existing declaration of the
 * same module, form and kind; a declaration repointed in place when all of it moves; a new declaration
 * split off otherwise. The file's language turns that plan into text (`SourceFile.renderImports`).
 */
import type { Binding, ModuleRef, Reference, Span } from './terms';
import { moduleKey } from './terms';
import { groupBy } from '../shared/collections';

/** One name of a module declaration, as its language reads it. */
export interface ReadName {
  /** Where it is written. */
  span: Span;
  kind: 'named' | 'default' | 'namespace';
  /** The name the module exports ("default", or "*" for a namespace). */
  imported: string;
  /** The local binding, or the exported name of a re-export. */
  local: string;
  /** An inline `type` modifier: `import { type T }`. */
  typeOnly: boolean;
  /** The binding it declares (a language may compute it lazily, with a getter); absent for a re-export. */
  readonly binding?: Binding | null;
  /**
   * A specifier for the module this name is, when it may be one (Python's `from pkg import submodule`):
   * when it resolves, the name is read as a namespace import of that module (`imported` stays its name).
   */
  submodule?: string;
}

/**
 * A ReadName whose binding is looked up only when a transform asks for it (the file's scopes are analysed
 * then, if ever). The lookup is kept in the object and the getter on the class: a getter defined on each
 * object keeps its closure, and through it the file's whole tree, in the object's hidden class, which V8
 * holds in the old generation until a full collection (200 MB promoted on the 20,000-file bench tree, a
 * third of the run's CPU).
 */
export class LazyBindingName implements ReadName {
  span: Span;
  kind: ReadName['kind'];
  imported: string;
  local: string;
  typeOnly: boolean;
  declare submodule?: string;
  #lookup: (() => Binding | null | undefined) | undefined;
  #binding: Binding | null = null;

  constructor(name: Omit<ReadName, 'binding'>, lookup: () => Binding | null | undefined) {
    this.span = name.span;
    this.kind = name.kind;
    this.imported = name.imported;
    this.local = name.local;
    this.typeOnly = name.typeOnly;
    if (name.submodule !== undefined) this.submodule = name.submodule;
    this.#lookup = lookup;
  }

  get binding(): Binding | null {
    if (this.#lookup) {
      this.#binding = this.#lookup() ?? null;
      this.#lookup = undefined;
    }
    return this.#binding;
  }
}

/** A module declaration as its language reads it: plain data, which the model adopts as its own record. */
export interface ReadDeclaration {
  /** The language's name for the declaration's shape (`import`, `export`, `require`): kept by merges. */
  form: string;
  /** Binds no local name: a re-export, which is the module's public API. */
  reexport: boolean;
  /** The whole statement. */
  span: Span;
  /** Where the module is named (in JavaScript, the string literal, quotes included); null if nowhere. */
  source: Span | null;
  /** The module as the file writes it. */
  specifierText: string;
  /** `import type` / `export type`. */
  typeOnly: boolean;
  specs: ReadName[];
  /** The language's own handle on the statement, for its renderer. */
  syntax?: unknown;
  /**
   * Why the declaration cannot be repointed as a whole, whatever its module (Python: `import legacy.mod`
   * whose name `legacy` the file also uses otherwise); absent when it can.
   */
  pinned?: string;
}

export interface ImportSpec extends Omit<ReadName, 'span' | 'binding' | 'submodule'> {
  /** Where it is written; null for one the model adds. */
  span: Span | null;
  decl: ImportDecl;
  /** The module the name itself is (`from pkg import submodule`); absent or null for a name of the declaration's module. */
  module?: ModuleRef | null;
  /** The binding it declares; null for a re-export or one the model adds. */
  readonly binding: Binding | null;
  /** Where it moves; null while it stays in its declaration's module. */
  target: ModuleRef | null;
  removed: boolean;
}

export interface ImportDecl extends Omit<ReadDeclaration, 'span' | 'specs'> {
  /** The whole statement; null for a declaration the model adds. */
  span: Span | null;
  module: ModuleRef | null;
  specs: ImportSpec[];
  /** Set on a declaration repointed as a whole. */
  retarget: ModuleRef | null;
  /** Specifiers merged in from elsewhere. */
  added: ImportSpec[];
  /** For an added declaration: the declaration it is written after, and whose style it copies. */
  anchor: ImportDecl | null;
}

/** What the model needs to know of the rest of the file. */
export interface ImportModelContext {
  /** The module a specifier written in the file names; null for one that names no module of interest. */
  resolve(specifier: string): ModuleRef | null;
  /** The form a new import takes when there is no declaration to copy. */
  defaultForm: string;
  /** Where a module moved as a whole (registry `modules[]`), if it did. */
  movedTo(module: ModuleRef | null): ModuleRef | null;
  /** References of a binding that no transform has rewritten away. */
  liveReferences(binding: Binding): Reference[];
  /** Whether any transform rewrote a reference away (only then can an import be left unused). */
  anyConsumed(): boolean;
  /** Where another module uses the binding by its name (Binding.importable); null when nowhere. */
  usedElsewhere?(binding: Binding): string | null;
  /** Whether `specs` from `from` may be merged into `into` (the language's rule; absent: always). */
  mayMerge?(into: ImportDecl, from: ImportDecl | null, specs: readonly ImportSpec[]): boolean;
}

interface Survivor {
  decl: ImportDecl;
  key: string;
}

export class ImportModel {
  /** Declarations added by plan(), each anchored after the declaration it was split from or asked by. */
  readonly created: ImportDecl[] = [];
  private readonly requested: { spec: ImportSpec; module: ModuleRef; anchor: ImportDecl | null }[] = [];
  /** The names each specifier was read with: one that no transform renamed or moved is not reprinted. */
  private readonly asRead = new WeakMap<ImportSpec, { imported: string; local: string }>();
  private isPlanned = false;
  readonly decls: ImportDecl[];

  /** The model adopts the declarations as its records: it resolves their modules and adds what it edits. */
  constructor(
    read: readonly ReadDeclaration[],
    private readonly context: ImportModelContext,
  ) {
    this.decls = read.map((declaration) => this.adopt(declaration));
  }

  private adopt(read: ReadDeclaration): ImportDecl {
    const module = read.source ? this.context.resolve(read.specifierText) : null;
    const decl = Object.assign(read, { module, retarget: null, added: [], anchor: null }) as unknown as ImportDecl;
    for (const name of read.specs) {
      // A lazy `binding` getter stays as the language made it: the scopes are analysed only when asked.
      if (!('binding' in name)) Object.assign(name, { binding: null });
      // from pkg import submodule: the name is the module `pkg.submodule`, bound whole (`imported` keeps its name).
      const module = name.submodule !== undefined ? this.context.resolve(name.submodule) : null;
      if (module) Object.assign(name, { kind: 'namespace' });
      const spec = Object.assign(name, { decl, target: null, removed: false, module }) as unknown as ImportSpec;
      this.asRead.set(spec, { imported: spec.imported, local: spec.local });
    }
    return decl;
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /** Every specifier that declares a binding (not re-exports). */
  bindingSpecs(): ImportSpec[] {
    return this.decls.filter((d) => !d.reexport).flatMap((d) => d.specs);
  }

  /**
   * The local name of a value import of `imported` from `module`, made or asked for; null if none. With
   * `near`, only an import the language lets a name asked for beside `near` be merged into.
   */
  findImport(module: ModuleRef, imported: string, near?: ImportDecl | null): string | null {
    const key = moduleKey(module);
    // An import from a module that moved to `module` is the same binding under its old path.
    const reaches = (s: ImportSpec): boolean =>
      keyOf(this.moduleOf(s)) === key || keyOf(this.context.movedTo(this.moduleOf(s))) === key;
    // Only a language with a merge rule (Python) narrows the search to what `near` may use.
    const scoped = near !== undefined && this.context.mayMerge !== undefined;
    for (const decl of this.decls) {
      if (decl.reexport || decl.typeOnly) continue;
      if (scoped && !this.context.mayMerge!(decl, near, [])) continue;
      const existing = decl.specs.find(
        (s) => !s.removed && !s.typeOnly && s.imported === imported && s.kind !== 'namespace' && reaches(s),
      );
      if (existing) return existing.local;
    }
    const pending = this.requested.find((r) => moduleKey(r.module) === key && r.spec.imported === imported && (!scoped || r.anchor === near));
    return pending ? pending.spec.local : null;
  }

  /** The module a specifier ends up in. */
  moduleOf(spec: ImportSpec): ModuleRef | null {
    return spec.target ?? homeOf(spec);
  }

  /**
   * An import whose every reference a rewrite removed; one that was never used is not "left" unused, nor
   * one another module imports from this one by its name.
   */
  isLeftUnused(spec: ImportSpec): boolean {
    if (!this.context.anyConsumed()) return false;
    const binding = spec.binding;
    return !!binding && binding.references.length > 0 && this.context.liveReferences(binding).length === 0 &&
      !(binding.importable && this.context.usedElsewhere?.(binding));
  }

  // ── editing ──────────────────────────────────────────────────────────────

  /** `import { Old as L } from 'legacy'` ➔ `import { New as L } from 'canonical'`. */
  move(spec: ImportSpec, module: ModuleRef, imported: string): void {
    spec.target = module;
    spec.imported = imported;
  }

  /** Repoint a whole declaration (namespace, side-effect or module move), names unchanged. */
  retarget(decl: ImportDecl, module: ModuleRef): void {
    decl.retarget = module;
  }

  rename(spec: ImportSpec, local: string): void {
    spec.local = local;
  }

  remove(spec: ImportSpec): void {
    spec.removed = true;
  }

  /**
   * The local name under which `imported` from `module` is (or will be) available as a value; adds the
   * import when there is none. `anchor` is the declaration a new one is written after, in its form.
   */
  ensureImport(module: ModuleRef, imported: string, anchor: ImportDecl | null): string {
    const existing = this.findImport(module, imported, anchor);
    if (existing) return existing;
    const owner = anchor ?? this.decls.find((d) => d.form === this.context.defaultForm) ?? null;
    const spec: ImportSpec = {
      span: null, decl: owner!, kind: 'named', imported, local: imported, typeOnly: false, binding: null,
      target: module, removed: false, module: null,
    };
    this.requested.push({ spec, module, anchor: owner });
    return imported;
  }

  // ── planning ─────────────────────────────────────────────────────────────

  /**
   * Decide where every change lands, once, after every transform has run: fills in `added`, `retarget`
   * and `created`. Calling it again does nothing.
   */
  plan(): void {
    if (this.isPlanned) return;
    this.isPlanned = true;
    for (const spec of this.bindingSpecs()) if (this.isLeftUnused(spec)) spec.removed = true;
    const survivors: Survivor[] = [];
    for (const decl of this.decls) {
      if (this.keptSpecs(decl).length > 0 || (decl.specs.length === 0 && !this.isDeleted(decl))) {
        survivors.push({ decl, key: keyOf(decl.retarget ?? decl.module) });
      }
    }
    for (const decl of this.decls) {
      const groups = [...groupBy(this.movedSpecs(decl), (s) => keyOf(s.target)).values()];
      let placedInPlace = false;
      for (const group of groups) {
        const target = group[0].target!;
        const destination = this.findDestination(survivors, decl.form, moduleKey(target), decl.typeOnly, group, decl);
        if (destination) {
          destination.added.push(...group);
        } else if (!placedInPlace && this.keptSpecs(decl).length === 0) {
          // import { Old } from 'legacy' ➔ import { New as Old } from 'canonical': only the string changes
          placedInPlace = true;
          decl.retarget = target;
          for (const spec of group) spec.target = null;
          survivors.push({ decl, key: moduleKey(target) });
        } else {
          const created = this.createDecl(decl, decl.form, target, decl.typeOnly, group);
          survivors.push({ decl: created, key: moduleKey(target) });
        }
      }
    }
    for (const request of this.requested) {
      // A factory asked for beside a `require` keeps the file CommonJS; beside a re-export, it is imported.
      const anchor = request.anchor;
      const form = anchor && !anchor.reexport ? anchor.form : this.context.defaultForm;
      const destination = this.findDestination(survivors, form, moduleKey(request.module), false, [request.spec], anchor);
      if (destination) destination.added.push(request.spec);
      else survivors.push({ decl: this.createDecl(anchor, form, request.module, false, [request.spec]), key: moduleKey(request.module) });
    }
  }

  // ── what the renderer asks ───────────────────────────────────────────────

  /** Whether plan() has run: a language renders only a planned model (the engine plans it first). */
  get planned(): boolean {
    return this.isPlanned;
  }

  /** Specifiers that stay in their declaration. */
  keptSpecs(decl: ImportDecl): ImportSpec[] {
    return decl.specs.filter((s) => !this.isGone(s));
  }

  /** Removed, or moved to another declaration. */
  isGone(spec: ImportSpec): boolean {
    return spec.removed || this.isMoved(spec);
  }

  /** Every specifier it had is gone (a declaration that never had any, a side-effect import, is not). */
  isDeleted(decl: ImportDecl): boolean {
    return decl.specs.length > 0 && decl.specs.every((s) => this.isGone(s));
  }

  /** Whether a transform changed a specifier's names since it was read (its text is then written anew). */
  isRenamed(spec: ImportSpec): boolean {
    const read = this.asRead.get(spec);
    return !read || read.imported !== spec.imported || read.local !== spec.local;
  }

  /** Declarations plan() created after `decl`. */
  createdAfter(decl: ImportDecl): ImportDecl[] {
    return this.created.filter((c) => c.anchor === decl);
  }

  private movedSpecs(decl: ImportDecl): ImportSpec[] {
    return decl.specs.filter((s) => !s.removed && this.isMoved(s));
  }

  private isMoved(spec: ImportSpec): boolean {
    return !!spec.target && keyOf(spec.target) !== keyOf(homeOf(spec));
  }

  /**
   * An existing declaration of the same module, form and kind that can take the group: named specifiers,
   * and a default import beside names (`import D, { a }`) where the declaration has no default yet.
   */
  private findDestination(survivors: Survivor[], form: string, key: string, typeOnly: boolean, group: ImportSpec[], from: ImportDecl | null): ImportDecl | null {
    if (group.some((s) => s.kind === 'namespace')) return null;
    for (const { decl, key: survivorKey } of survivors) {
      if (survivorKey !== key || decl.form !== form || decl.typeOnly !== typeOnly) continue;
      // A declaration this plan made takes the names of another that move to the same module (one
      // `import { a, b } from './c'`, not two), where it stands at the top level: an import or a re-export.
      const made = this.created.includes(decl);
      if (made ? !(decl.reexport || decl.form === this.context.defaultForm) : decl.specs.length === 0) continue;
      if ([...decl.specs, ...decl.added].some((s) => s.kind === 'namespace')) continue;
      if (!this.takesDefaults(decl, group.filter((s) => isDefaultImport(s, decl)).length)) continue;
      if (this.context.mayMerge && !this.context.mayMerge(decl, from, group)) continue;
      return decl;
    }
    return null;
  }

  /**
   * A declaration holds one default import, written before its names; a type-only one holds a default or
   * names, never both (`import type D, { a }` is not valid).
   */
  private takesDefaults(decl: ImportDecl, count: number): boolean {
    if (count === 0) return true;
    if (count > 1 || decl.typeOnly) return false;
    const names = [...this.keptSpecs(decl), ...(this.created.includes(decl) ? decl.added : [])];
    return names.some((s) => s.kind === 'named') && ![...names, ...decl.added].some((s) => isDefaultImport(s, decl));
  }

  private createDecl(anchor: ImportDecl | null, form: string, module: ModuleRef, typeOnly: boolean, specs: ImportSpec[]): ImportDecl {
    const decl: ImportDecl = {
      form, reexport: anchor?.reexport === true && form === anchor.form, span: null, source: null,
      specifierText: anchor?.specifierText ?? '', module, typeOnly, specs: [], retarget: null, added: [...specs], anchor,
    };
    this.created.push(decl);
    return decl;
  }
}

/**
 * Whether a specifier is its declaration's default import (`import D from`), however it was read: a
 * `default` that moves into an import is written as its default, not as `{ default as D }`. A re-export's
 * `default` and an inline `type default` are names.
 */
export function isDefaultImport(spec: Pick<ImportSpec, 'kind' | 'imported' | 'typeOnly'>, decl: Pick<ImportDecl, 'reexport' | 'typeOnly'>): boolean {
  return !decl.reexport && spec.kind !== 'namespace' && spec.imported === 'default' && (!spec.typeOnly || decl.typeOnly);
}

/** Where a specifier stays unless it moves: the module it is (a submodule), or its declaration's. */
function homeOf(spec: ImportSpec): ModuleRef | null {
  return spec.module ?? spec.decl.retarget ?? spec.decl.module;
}

function keyOf(ref: ModuleRef | null): string {
  return ref ? moduleKey(ref) : '';
}
