/**
 * The file's module declarations as data that transforms edit: `import … from`, `export … from` and
 * `const { … } = require(…)`. Transforms only change the model (move a specifier to another module,
 * rename its local, remove it, ask for a new import); render() then schedules every import edit of
 * every transform in one pass: merging into an existing declaration of the same module and kind,
 * repointing a declaration in place when all of it moves, splitting off a new one otherwise.
 */
import type { Binding, AnyNode } from '../languages/javascript/scope';
import { moduleKey, type ModuleRef } from '../languages/javascript/resolve';
import { groupBy } from '../shared/collections';
import { escapeFor, requireSource, stringValue } from '../languages/javascript/module-strings';
import type { FileContext } from './file-context';

export type DeclForm = 'import' | 'export' | 'require';

export interface ModuleSpec {
  node: AnyNode | null;
  decl: ModuleDecl;
  kind: 'named' | 'default' | 'namespace';
  /** The name the module exports ("default", or "*" for a namespace). */
  imported: string;
  /** The local binding (import, require) or the exported name (export … from). */
  local: string;
  /** An inline `type` modifier: `import { type T }`. */
  typeOnly: boolean;
  binding: Binding | null;
  /** Where it moves; null while it stays in its declaration's module. */
  target: ModuleRef | null;
  removed: boolean;
}

export interface ModuleDecl {
  form: DeclForm;
  /** The statement; null for a declaration this model adds. */
  node: AnyNode | null;
  /** The module string literal. */
  source: AnyNode | null;
  specifierText: string;
  module: ModuleRef | null;
  /** `import type` / `export type`. */
  typeOnly: boolean;
  specs: ModuleSpec[];
  /** Set on a declaration repointed as a whole. */
  retarget: ModuleRef | null;
  /** Specifiers merged in from elsewhere. */
  added: ModuleSpec[];
  /** For an added declaration: the declaration it is written after, and whose style it copies. */
  anchor: ModuleDecl | null;
}

interface Survivor {
  decl: ModuleDecl;
  key: string;
}

export class ImportModel {
  readonly decls: ModuleDecl[] = [];
  private readonly created: ModuleDecl[] = [];
  /** Added declarations already written in the place of a removed one. */
  private readonly renderedInPlace = new Set<ModuleDecl>();
  private readonly requested: { spec: ModuleSpec; module: ModuleRef; anchor: ModuleDecl | null }[] = [];
  /** The names each specifier of the file was read with: one no transform renamed or moved is not reprinted. */
  private readonly asRead = new WeakMap<ModuleSpec, { imported: string; local: string }>();

  constructor(private readonly ctx: FileContext) {
    this.collect(ctx.ast.program as unknown as AnyNode);
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /** Every import/require specifier (not re-exports) with its binding. */
  bindingSpecs(): ModuleSpec[] {
    return this.decls.filter((d) => d.form !== 'export').flatMap((d) => d.specs);
  }

  /** The local name of a value import of `imported` from `module`, made or asked for; null if none. */
  findImport(module: ModuleRef, imported: string): string | null {
    const key = moduleKey(module);
    // An import from a module that moved to `module` is the same binding under its old path.
    const reaches = (s: ModuleSpec): boolean =>
      keyOf(this.moduleOf(s)) === key || keyOf(this.ctx.moduleMove(this.moduleOf(s))?.to ?? null) === key;
    for (const decl of this.decls) {
      if (decl.form === 'export' || decl.typeOnly) continue;
      const existing = decl.specs.find(
        (s) => !s.removed && !s.typeOnly && s.imported === imported && s.kind !== 'namespace' && reaches(s),
      );
      if (existing) return existing.local;
    }
    const pending = this.requested.find((r) => moduleKey(r.module) === key && r.spec.imported === imported);
    return pending ? pending.spec.local : null;
  }

  /** The module a specifier ends up in. */
  moduleOf(spec: ModuleSpec): ModuleRef | null {
    return spec.target ?? spec.decl.retarget ?? spec.decl.module;
  }

  // ── editing ──────────────────────────────────────────────────────────────

  /** `import { Old as L } from 'legacy'` ➔ `import { New as L } from 'canonical'`. */
  move(spec: ModuleSpec, module: ModuleRef, imported: string): void {
    spec.target = module;
    spec.imported = imported;
  }

  /** Repoint a whole declaration (namespace, side-effect or module move), names unchanged. */
  retarget(decl: ModuleDecl, module: ModuleRef): void {
    decl.retarget = module;
  }

  rename(spec: ModuleSpec, local: string): void {
    spec.local = local;
  }

  remove(spec: ModuleSpec): void {
    spec.removed = true;
  }

  /**
   * The local name under which `imported` from `module` is (or will be) available as a value;
   * adds the import when there is none. `anchor` is the declaration whose style a new one copies.
   */
  ensureImport(module: ModuleRef, imported: string, anchor: ModuleDecl | null): string {
    const existing = this.findImport(module, imported);
    if (existing) return existing;
    const owner = anchor ?? this.decls.find((d) => d.form === 'import') ?? null;
    // A factory asked for from a `require` keeps the file CommonJS.
    const spec: ModuleSpec = {
      node: null, decl: owner!, kind: 'named', imported, local: imported, typeOnly: false, binding: null,
      target: module, removed: false,
    };
    this.requested.push({ spec, module, anchor: owner });
    return imported;
  }

  // ── building ─────────────────────────────────────────────────────────────

  private collect(program: AnyNode): void {
    for (const statement of program.body) {
      if (statement.type === 'ImportDeclaration') this.addImport(statement);
      else if (statement.type === 'ExportNamedDeclaration' && statement.source) this.addExportFrom(statement);
    }
    this.addRequires();
    this.decls.sort((a, b) => a.node!.start - b.node!.start);
  }

  private newDecl(form: DeclForm, node: AnyNode | null, source: AnyNode | null, typeOnly: boolean): ModuleDecl {
    const specifierText = source ? stringValue(source) ?? '' : '';
    return {
      form, node, source, specifierText, typeOnly, specs: [], retarget: null, added: [], anchor: null,
      module: source ? this.ctx.resolve(specifierText) : null,
    };
  }

  /** Note the names a specifier was read with, for isRenamed(). */
  private read(spec: ModuleSpec): ModuleSpec {
    this.asRead.set(spec, { imported: spec.imported, local: spec.local });
    return spec;
  }

  /** Whether a transform changed a specifier's names since it was read (its text is then written anew). */
  private isRenamed(spec: ModuleSpec): boolean {
    const read = this.asRead.get(spec);
    return !read || read.imported !== spec.imported || read.local !== spec.local;
  }

  /** A specifier's binding is looked up (and the scopes analysed) only when a transform asks for it. */
  private withLazyBinding(spec: ModuleSpec, id: AnyNode): ModuleSpec {
    const ctx = this.ctx;
    let binding: Binding | null | undefined;
    return Object.defineProperty(spec, 'binding', {
      get: () => (binding === undefined ? (binding = ctx.scopes.bindingDeclaredBy(id) ?? null) : binding),
      enumerable: true,
    });
  }

  private addImport(node: AnyNode): void {
    if (node.importKind === 'typeof' || node.phase) return;
    const decl = this.newDecl('import', node, node.source, node.importKind === 'type');
    for (const s of node.specifiers) {
      const kind = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? 'namespace' : 'named';
      const imported = kind === 'default' ? 'default' : kind === 'namespace' ? '*' : nameOf(s.imported);
      decl.specs.push(this.read(this.withLazyBinding({
        node: s, decl, kind, imported, local: s.local.name, typeOnly: s.importKind === 'type',
        binding: null, target: null, removed: false,
      }, s.local)));
    }
    this.decls.push(decl);
  }

  private addExportFrom(node: AnyNode): void {
    const decl = this.newDecl('export', node, node.source, node.exportKind === 'type');
    for (const s of node.specifiers) {
      const kind = s.type === 'ExportNamespaceSpecifier' ? 'namespace' : s.type === 'ExportDefaultSpecifier' ? 'default' : 'named';
      const imported = kind === 'namespace' ? '*' : kind === 'default' ? 'default' : nameOf(s.local);
      decl.specs.push(this.read({
        node: s, decl, kind, imported, local: nameOf(s.exported), typeOnly: s.exportKind === 'type',
        binding: null, target: null, removed: false,
      }));
    }
    this.decls.push(decl);
  }

  /** `const { A, B: C } = require('x')`, anywhere, when it is exactly that shape. */
  private addRequires(): void {
    for (const node of this.ctx.moduleReferences.requireDeclarations) {
      const declarator = node.declarations[0];
      const decl = this.newDecl('require', node, requireSource(declarator.init), false);
      for (const p of declarator.id.properties) {
        decl.specs.push(this.read(this.withLazyBinding({
          node: p, decl, kind: 'named', imported: nameOf(p.key), local: p.value.name, typeOnly: false,
          binding: null, target: null, removed: false,
        }, p.value)));
      }
      this.decls.push(decl);
    }
  }

  // ── rendering ────────────────────────────────────────────────────────────

  /** Turn the model's changes into text edits, once, after every transform has run. */
  render(): void {
    this.removeSpecsLeftUnused();
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
        const destination = this.findDestination(survivors, decl.form, moduleKey(target), decl.typeOnly, group);
        if (destination) {
          destination.added.push(...group);
        } else if (!placedInPlace && this.keptSpecs(decl).length === 0) {
          placedInPlace = true;
          decl.retarget = target;
          for (const spec of group) spec.target = null;
          survivors.push({ decl, key: moduleKey(target) });
        } else {
          const created = this.createDecl(decl, target, decl.typeOnly, group);
          survivors.push({ decl: created, key: moduleKey(target) });
        }
      }
    }
    for (const request of this.requested) {
      const form = request.anchor?.form === 'require' ? 'require' : 'import';
      const destination = this.findDestination(survivors, form, moduleKey(request.module), false, [request.spec]);
      if (destination) destination.added.push(request.spec);
      else survivors.push({ decl: this.createDecl(request.anchor, request.module, false, [request.spec]), key: moduleKey(request.module) });
    }
    for (const decl of this.decls) this.renderDecl(decl);
    this.renderCreated();
  }

  /** An import whose every reference a rewrite removed is removed too; one that was never used stays. */
  private removeSpecsLeftUnused(): void {
    for (const spec of this.bindingSpecs()) if (this.isLeftUnused(spec)) spec.removed = true;
  }

  isLeftUnused(spec: ModuleSpec): boolean {
    if (this.ctx.consumed.size === 0) return false;
    const binding = spec.binding;
    return !!binding && binding.references.length > 0 && this.ctx.liveReferences(binding).length === 0;
  }

  private keptSpecs(decl: ModuleDecl): ModuleSpec[] {
    return decl.specs.filter((s) => !s.removed && !this.isMoved(s));
  }

  private movedSpecs(decl: ModuleDecl): ModuleSpec[] {
    return decl.specs.filter((s) => !s.removed && this.isMoved(s));
  }

  private isMoved(spec: ModuleSpec): boolean {
    return !!spec.target && keyOf(spec.target) !== keyOf(spec.decl.retarget ?? spec.decl.module);
  }

  private isDeleted(decl: ModuleDecl): boolean {
    return decl.specs.length > 0 && decl.specs.every((s) => s.removed || this.isMoved(s));
  }

  /** An existing declaration of the same module, form and kind that can take named specifiers. */
  private findDestination(survivors: Survivor[], form: DeclForm, key: string, typeOnly: boolean, group: ModuleSpec[]): ModuleDecl | null {
    const needsNamedList = group.some((s) => s.kind === 'namespace' || (s.kind === 'default' && s.imported === 'default'));
    if (needsNamedList) return null;
    for (const { decl, key: survivorKey } of survivors) {
      if (survivorKey !== key || decl.form !== form || decl.typeOnly !== typeOnly) continue;
      if (decl.specs.length === 0 || decl.specs.some((s) => s.kind === 'namespace')) continue;
      return decl;
    }
    return null;
  }

  private createDecl(anchor: ModuleDecl | null, module: ModuleRef, typeOnly: boolean, specs: ModuleSpec[]): ModuleDecl {
    const form = anchor?.form ?? 'import';
    const decl: ModuleDecl = {
      form, node: null, source: null, specifierText: anchor?.specifierText ?? '', module, typeOnly, specs: [],
      retarget: null, added: [...specs], anchor,
    };
    this.created.push(decl);
    return decl;
  }

  private renderDecl(decl: ModuleDecl): void {
    const { edits, text } = this.ctx;
    const node = decl.node!;
    if (this.isDeleted(decl) && decl.added.length === 0) {
      const replacement = this.created.filter((c) => c.anchor === decl);
      if (replacement.length === 0) {
        removeStatement(this.ctx, node);
      } else {
        // The first added declaration takes the removed one's place, so a header comment above stays above.
        const [first, ...rest] = replacement;
        const indent = indentationAt(text, node.start);
        edits.replace(node.start, node.end, [first, ...rest].map((c) => this.declText(c)).join(this.ctx.eol + indent));
        for (const c of replacement) this.renderedInPlace.add(c);
      }
      return;
    }
    if (this.needsRebuild(decl)) {
      edits.replace(node.start, node.end, this.declText({ ...decl, specs: [], added: [...this.keptSpecs(decl), ...decl.added], anchor: decl, module: decl.retarget ?? decl.module }));
      return;
    }
    if (decl.retarget) {
      const specifier = this.specifierFor(decl.retarget, decl.specifierText);
      if (specifier !== decl.specifierText) this.ctx.replaceStringContent(decl.source!, specifier);
    }
    this.renderSpecList(decl);
  }

  /**
   * A default import that must become a named one (or the reverse) changes the clause's shape. Only a
   * renamed specifier can need it: `import { default as X }` as written is left as it is.
   */
  private needsRebuild(decl: ModuleDecl): boolean {
    return decl.form === 'import' &&
      this.keptSpecs(decl).some((s) => this.isRenamed(s) && (s.kind === 'default') !== (s.imported === 'default'));
  }

  private renderSpecList(decl: ModuleDecl): void {
    const { edits, text, eol } = this.ctx;
    const list = decl.specs.filter((s) => s.kind === 'named');
    for (const spec of decl.specs) {
      // What no transform changed keeps its text: `a as a`, comments and quoted names included.
      if (spec.removed || this.isMoved(spec) || !this.isRenamed(spec)) continue;
      const rendered = this.specText(spec, decl);
      if (rendered !== text.slice(spec.node!.start, spec.node!.end)) edits.replace(spec.node!.start, spec.node!.end, rendered);
    }
    const gone = (s: ModuleSpec): boolean => s.removed || this.isMoved(s);
    const keptNamed = list.filter((s) => !gone(s));
    // Runs of removed specifiers go with the comma that separates them from a kept neighbour.
    for (let i = 0; i < list.length; ) {
      if (!gone(list[i])) { i++; continue; }
      let j = i;
      while (j + 1 < list.length && gone(list[j + 1])) j++;
      if (j + 1 < list.length) edits.remove(list[i].node!.start, list[j + 1].node!.start);
      else if (i > 0) edits.remove(list[i - 1].node!.end, list[j].node!.end);
      else if (decl.added.length > 0) {
        edits.replace(list[0].node!.start, list[j].node!.end, decl.added.map((s) => this.specText(s, decl)).join(', '));
        return;
      } else this.removeEmptyNamedList(decl, list);
      i = j + 1;
    }
    if (decl.added.length === 0) return;
    const added = decl.added.map((s) => this.specText(s, decl));
    const last = keptNamed[keptNamed.length - 1];
    if (last) {
      const multiline = isMultiline(text, list[0].node!.start, decl);
      const separator = multiline ? ',' + eol + indentationAt(text, last.node!.start) : ', ';
      edits.insert(last.node!.end, added.map((a) => separator + a).join(''));
    } else {
      const defaultSpec = decl.specs.find((s) => s.kind === 'default' && !gone(s))!;
      edits.insert(defaultSpec.node!.end, `, { ${added.join(', ')} }`);
    }
  }

  /** `import D, { a } from 'm'` with `a` gone ➔ `import D from 'm'`. */
  private removeEmptyNamedList(decl: ModuleDecl, list: ModuleSpec[]): void {
    const { text, edits } = this.ctx;
    const defaultSpec = decl.specs.find((s) => s.kind === 'default' && !s.removed && !this.isMoved(s));
    const close = text.indexOf('}', list[list.length - 1].node!.end);
    if (defaultSpec) edits.remove(defaultSpec.node!.end, close + 1);
    else edits.remove(list[0].node!.start, list[list.length - 1].node!.end);
  }

  private renderCreated(): void {
    const pending = this.created.filter((c) => !this.renderedInPlace.has(c));
    for (const group of [...groupBy(pending, (c) => String(c.anchor?.node?.start ?? 'top')).values()]) {
      const anchor = group[0].anchor;
      if (anchor?.node) {
        const indent = indentationAt(this.ctx.text, anchor.node.start);
        this.ctx.edits.insert(anchor.node.end, group.map((c) => this.ctx.eol + indent + this.declText(c)).join(''));
      } else {
        for (const decl of group) this.insertAtTop(decl);
      }
    }
  }

  /** With no import to follow, a new import goes before the first statement, below header comments and directives. */
  private insertAtTop(decl: ModuleDecl): void {
    const program = this.ctx.ast.program as unknown as AnyNode;
    const directives: AnyNode[] = program.directives ?? [];
    const eol = this.ctx.eol;
    if (directives.length > 0) {
      this.ctx.edits.insert(directives[directives.length - 1].end, eol + this.declText(decl));
    } else if (program.body.length > 0) {
      this.ctx.edits.insert(program.body[0].start, this.declText(decl) + eol);
    } else {
      this.ctx.edits.insert(this.ctx.text.length, this.declText(decl) + eol);
    }
  }

  // ── text ─────────────────────────────────────────────────────────────────

  private specifierFor(module: ModuleRef, styleOf: string): string {
    return this.ctx.registry.resolver.specifierFor(module, this.ctx.path, styleOf || undefined);
  }

  private specText(spec: ModuleSpec, decl: ModuleDecl): string {
    const inlineType = spec.typeOnly && !decl.typeOnly ? 'type ' : '';
    if (spec.kind === 'namespace') return `* as ${spec.local}`;
    if (decl.form === 'require') return spec.imported === spec.local ? spec.local : `${spec.imported}: ${spec.local}`;
    if (decl.form === 'import' && spec.kind === 'default' && spec.imported === 'default') return spec.local;
    return inlineType + (spec.imported === spec.local ? spec.local : `${spec.imported} as ${spec.local}`);
  }

  /** A whole declaration, in the quote, spacing and semicolon style of the one it is modelled on. */
  private declText(decl: ModuleDecl): string {
    const { text } = this.ctx;
    const model = decl.anchor?.node ? decl.anchor : this.decls.find((d) => d.form === decl.form) ?? this.decls[0];
    const modelText = model?.node ? text.slice(model.node.start, model.node.end) : "import { x } from 'x';";
    const quote = model?.source ? text[model.source.start] : "'";
    const pad = /\{\s/.test(modelText) || !/\{/.test(modelText) ? ' ' : '';
    const semicolon = model?.node ? (modelText.trimEnd().endsWith(';') ? ';' : '') : ';';
    const specifier = quote + escapeFor(this.specifierFor(decl.module!, decl.specifierText || model?.specifierText || ''), quote) + quote;
    const specs = decl.added;
    const defaultSpec = decl.form === 'import' ? specs.find((s) => s.kind === 'default' && s.imported === 'default') : undefined;
    const namespace = specs.find((s) => s.kind === 'namespace');
    const named = specs.filter((s) => s !== defaultSpec && s !== namespace).map((s) => this.specText(s, decl));
    const list = named.length > 0 ? `{${pad}${named.join(', ')}${pad}}` : '';
    const typeKeyword = decl.typeOnly ? 'type ' : '';
    switch (decl.form) {
      case 'import': {
        const clause = [defaultSpec?.local, namespace ? `* as ${namespace.local}` : '', list].filter(Boolean).join(', ');
        const attributes = model?.form === 'import' && model.source ? attributesOf(text, model) : '';
        return `import ${typeKeyword}${clause} from ${specifier}${attributes}${semicolon}`;
      }
      case 'export':
        return `export ${typeKeyword}${namespace ? `* as ${namespace.local}` : list} from ${specifier}${semicolon}`;
      case 'require': {
        const kind = model?.form === 'require' ? model.node!.kind : 'const';
        return `${kind} ${list} = require(${specifier})${semicolon}`;
      }
    }
  }
}

// ── helpers ────────────────────────────────────────────────────────────────

function keyOf(ref: ModuleRef | null): string {
  return ref ? moduleKey(ref) : '';
}

function nameOf(node: AnyNode): string {
  return node.type === 'StringLiteral' ? node.value : node.name;
}


/** The whitespace that starts the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function isMultiline(text: string, firstSpecStart: number, decl: ModuleDecl): boolean {
  const open = text.lastIndexOf('{', firstSpecStart);
  return open >= decl.node!.start && /\n/.test(text.slice(open, firstSpecStart));
}

function attributesOf(text: string, decl: ModuleDecl): string {
  const tail = text.slice(decl.source!.end, decl.node!.end).replace(/;\s*$/, '');
  return /^\s*(with|assert)\s*\{/.test(tail) ? tail : '';
}

/**
 * Remove a statement and, when it stands alone on its line(s), the line too. Comments above it stay:
 * a license header above a removed first import is not the import's to take.
 */
function removeStatement(ctx: FileContext, node: AnyNode): void {
  const { text } = ctx;
  let start = node.start;
  let end = node.end;
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // A BOM belongs to the file, not to its first line.
  if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
  const before = text.slice(lineStart, start);
  const after = /^[ \t]*(\r?\n|$)/.exec(text.slice(end));
  if (/^[ \t]*$/.test(before) && after) {
    start = lineStart;
    end += after[0].length;
  }
  ctx.edits.remove(start, end);
}
