/**
 * One parsed toy file, as the engine sees it: its `use` lines as the import model's declarations, its
 * `mock` strings, one flat scope of references, and every edit spelled in toy.
 */
import type { ImportDecl, ImportModel, ImportSpec, ReadDeclaration } from '../../../src/languages/import-model';
import type {
  Binding, ConstructCall, ModuleRef, ModuleString, Reference, ReferenceContext, Scopes, SourceFile, Span, SpecifierWriter, TextEdit,
} from '../../../src/languages/language';
import { parseToy, type ToyName, type ToyStatement } from './parse';

type UseStatement = Extract<ToyStatement, { kind: 'use' }>;
type CallStatement = Extract<ToyStatement, { kind: 'new' | 'call' }>;

interface ToyBinding extends Binding {
  readonly references: ToyReference[];
}

interface ToyReference extends Reference {
  readonly statement: ToyStatement;
}

interface ToyConstructCall extends ConstructCall {
  readonly callee: ToyName;
}

class ToyScopes implements Scopes {
  readonly references: ToyReference[] = [];
  /** Every name the file declares (a `use` local, `fn`, `export`), first declaration first. */
  private readonly bindings = new Map<string, ToyBinding>();
  private readonly unbound = new Set<string>();

  constructor(statements: readonly ToyStatement[]) {
    const declare = (name: string) => {
      if (!this.bindings.has(name)) this.bindings.set(name, { name, references: [] });
    };
    for (const s of statements) {
      if (s.kind === 'use') s.specs.forEach((spec) => declare(spec.local.name));
      else if (s.kind === 'fn' || s.kind === 'export') declare(s.name.name);
    }
    for (const s of statements) {
      if (s.kind === 'new' || s.kind === 'call') {
        this.refer(s.callee, s.kind === 'new' ? 'new-callee' : 'value', s);
        s.args.forEach((arg) => this.refer(arg, 'value', s));
      } else if (s.kind === 'ref' || s.kind === 'type') {
        this.refer(s.name, s.kind === 'ref' ? 'value' : 'type', s);
      }
    }
  }

  bindingOf(local: string): ToyBinding | null {
    return this.bindings.get(local) ?? null;
  }

  isNameTaken(name: string): boolean {
    return this.bindings.has(name) || this.unbound.has(name);
  }

  /** Toy has no `const Alias = Imported`. */
  aliasedBinding(): Binding | null {
    return null;
  }

  private refer(name: ToyName, context: ReferenceContext, statement: ToyStatement): void {
    const binding = this.bindings.get(name.name) ?? null;
    const reference: ToyReference = { start: name.start, end: name.end, name: name.name, context, binding, deferred: statement.deferred, statement };
    this.references.push(reference);
    if (binding) binding.references.push(reference);
    else this.unbound.add(name.name);
  }
}

export class ToyFile implements SourceFile {
  readonly defaultImportForm = 'use';
  readonly statements: ToyStatement[];
  readonly moduleStrings: ModuleString[];
  private scopeAnalysis: ToyScopes | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.statements = parseToy(path, text);
    this.moduleStrings = this.statements.flatMap((s) => (s.kind === 'mock' ? [{ label: 'mock', value: s.value, literal: s.literal }] : []));
  }

  get scopes(): ToyScopes {
    return (this.scopeAnalysis ??= new ToyScopes(this.statements));
  }

  /** Each `use` line as plain data; the import model adopts it (and resolves its module). */
  readImports(): ReadDeclaration[] {
    return this.statements.filter((s): s is UseStatement => s.kind === 'use').map((s) => ({
      form: 'use', reexport: false, span: s.span, source: s.source, specifierText: s.specifier, typeOnly: false, syntax: s,
      specs: s.specs.map((spec) => ({
        span: { start: spec.start, end: spec.end }, kind: 'named' as const, imported: spec.imported.name, local: spec.local.name,
        typeOnly: false, binding: this.scopes.bindingOf(spec.local.name),
      })),
    }));
  }

  constructCall(reference: Reference): ToyConstructCall | null {
    if (reference.context !== 'new-callee') return null;
    const statement = (reference as ToyReference).statement as CallStatement;
    return {
      start: statement.span.start, end: statement.span.end, calleeName: statement.callee.name, shown: `new ${statement.callee.name}()`, callee: statement.callee,
      argumentCount: statement.args.length, hasSpread: statement.args.some((a) => a.spread),
    };
  }

  renameReference(reference: Reference, name: string): TextEdit[] {
    return [{ start: reference.start, end: reference.end, text: name }];
  }

  /** new Engine(a) ➔ createEngine(a) */
  rewriteConstructCall(call: ConstructCall, factory: string): TextEdit[] {
    const { callee } = call as ToyConstructCall;
    return [{ start: call.start, end: callee.end, text: factory }];
  }

  /** Toy module strings reach no member: `member` never comes. */
  repointModuleString(string: ModuleString, specifier: string): TextEdit[] {
    return [{ start: string.literal.start + 1, end: string.literal.end - 1, text: specifier }];
  }

  renderImports(model: ImportModel, specifierFor: SpecifierWriter): TextEdit[] {
    // Seam gap (index.ts): the engine hands over the model unplanned; every language must remember to plan it.
    return new ToyImportWriter(this.text, model, specifierFor).render();
  }
}

/** The plan as toy: a `use` line keeps its text but for what changed; a new one goes on the line after its anchor. */
class ToyImportWriter {
  private readonly edits: TextEdit[] = [];
  private readonly eol: string;
  private readonly writtenInPlace = new Set<ImportDecl>();

  constructor(
    private readonly text: string,
    private readonly model: ImportModel,
    private readonly specifierFor: SpecifierWriter,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  render(): TextEdit[] {
    for (const decl of this.model.decls) this.renderDecl(decl);
    for (const decl of this.model.created) {
      if (this.writtenInPlace.has(decl)) continue;
      const anchor = decl.anchor?.span;
      if (anchor) this.edits.push({ start: anchor.end, end: anchor.end, text: this.eol + this.indentAt(anchor) + this.useLine(decl) });
      else this.edits.push({ start: 0, end: 0, text: this.useLine(decl) + this.eol });
    }
    return this.edits;
  }

  private renderDecl(decl: ImportDecl): void {
    const { model } = this;
    const span = decl.span!;
    if (model.isDeleted(decl) && decl.added.length === 0) {
      const replacement = model.createdAfter(decl);
      replacement.forEach((c) => this.writtenInPlace.add(c));
      if (replacement.length > 0) this.edits.push({ ...span, text: replacement.map((c) => this.useLine(c)).join(this.eol + this.indentAt(span)) });
      else this.removeLine(span);
      return;
    }
    if (decl.retarget) {
      const specifier = this.specifierFor(decl.retarget, decl.specifierText);
      if (specifier !== decl.specifierText) this.edits.push({ start: decl.source!.start + 1, end: decl.source!.end - 1, text: specifier });
    }
    const kept = model.keptSpecs(decl);
    const unchanged = kept.length === decl.specs.length && decl.added.length === 0 && !kept.some((s) => model.isRenamed(s));
    if (unchanged) return;
    const first = decl.specs[0].span!;
    const last = decl.specs[decl.specs.length - 1].span!;
    const list = [...kept, ...decl.added].map((s) => (s.decl === decl && s.span && !model.isRenamed(s) ? this.text.slice(s.span.start, s.span.end) : specText(s)));
    this.edits.push({ start: first.start, end: last.end, text: list.join(', ') });
  }

  private useLine(decl: ImportDecl): string {
    return `use ${decl.added.map(specText).join(', ')} from "${this.specifierFor(decl.module!, decl.specifierText)}"`;
  }

  private indentAt(span: Span): string {
    const lineStart = this.text.lastIndexOf('\n', span.start - 1) + 1;
    return this.text.slice(lineStart, span.start);
  }

  /** The statement's whole line, its line break included. */
  private removeLine(span: Span): void {
    let start = this.text.lastIndexOf('\n', span.start - 1) + 1;
    const newline = this.text.indexOf('\n', span.end);
    const end = newline === -1 ? this.text.length : newline + 1;
    // The last line goes with the line break before it.
    if (newline === -1 && start > 0) start -= this.text[start - 2] === '\r' ? 2 : 1;
    this.edits.push({ start, end, text: '' });
  }
}

function specText(spec: ImportSpec): string {
  return spec.imported === spec.local ? spec.imported : `${spec.imported} as ${spec.local}`;
}
