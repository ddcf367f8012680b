/**
 * The import model's plan, written as Python: the smallest edits that express it. What no transform
 * changed keeps its bytes — parentheses, trailing commas, backslash continuations, comments, `;`, tabs,
 * CRLF, a BOM. A name moved off a statement is split into a new statement on the line after it, at its
 * indentation, with the line's `# noqa` / `# type: ignore` comment; a statement left empty goes with its
 * line, or becomes `pass` where its block would be left empty.
 */
import type { ImportDecl, ImportModel, ImportSpec } from '../import-model';
import type { SpecifierWriter, Span, TextEdit } from '../language';
import { endOf, NodeType, type ParseNode } from './syntax';
import type { PyImportSyntax } from './import-reader';
import { isDocstring, isFutureImport } from './parse';

export interface RenderTarget {
  text: string;
  eol: string;
  statements: readonly ParseNode[];
  specifierFor: SpecifierWriter;
}

/** Comments a linter or type checker reads on an import's line, which a statement split off it needs too. */
const PRAGMA = /#\s*(?:noqa\b|type:\s*ignore\b|pyright:\s*ignore\b|pylint:|mypy:|pragma\b)[^\r\n]*/;

export function renderImports(model: ImportModel, target: RenderTarget): TextEdit[] {
  if (!model.planned) throw new Error('the import model must be planned before it is written');
  return new ImportRenderer(model, target).render();
}

function syntaxOf(decl: ImportDecl): PyImportSyntax {
  return decl.syntax as PyImportSyntax;
}

class ImportRenderer {
  private readonly edits: TextEdit[] = [];
  private readonly renderedInPlace = new Set<ImportDecl>();
  /** Statements removed whole, by the block they are in. */
  private readonly removedLines = new Map<readonly ParseNode[], ParseNode[]>();

  constructor(
    private readonly model: ImportModel,
    private readonly target: RenderTarget,
  ) {}

  render(): TextEdit[] {
    const byStatement = new Map<ParseNode, ImportDecl[]>();
    for (const decl of this.model.decls) {
      const statement = syntaxOf(decl).statement;
      const list = byStatement.get(statement);
      if (list) list.push(decl);
      else byStatement.set(statement, [decl]);
    }
    for (const decls of byStatement.values()) this.renderStatement(decls);
    this.removeLines();
    this.renderCreated();
    return this.edits;
  }

  private edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  // ── one statement: its declarations (several for `import a, b`) ─────────

  private renderStatement(decls: ImportDecl[]): void {
    const { model } = this;
    const gone = (d: ImportDecl) => model.isDeleted(d) && d.added.length === 0;
    const syntax = syntaxOf(decls[0]);
    if (decls.every(gone)) {
      const replacement = decls.flatMap((d) => model.createdAfter(d));
      if (replacement.length === 0) {
        this.removeStatement(syntax);
      } else {
        // The first new statement takes the removed one's place: the line's comments stay where they were.
        const span = { start: syntax.statement.start, end: endOf(syntax.statement) };
        this.edit(span.start, span.end, replacement.map((c) => this.declText(c)).join(this.target.eol + this.indentAt(span.start)));
        for (const c of replacement) this.renderedInPlace.add(c);
      }
      return;
    }
    decls.forEach((decl) => {
      if (gone(decl)) {
        // import os, legacy as m ➔ import os (the clause goes with its comma)
        const clause = syntaxOf(decl).clause!;
        const clauses = (syntax.statement as { d: { list: ParseNode[] } }).d.list;
        const at = clauses.indexOf(clause);
        if (at + 1 < clauses.length) this.edit(clause.start, clauses[at + 1].start, '');
        else this.edit(endOf(clauses[at - 1]), endOf(clause), '');
      } else {
        this.renderDecl(decl);
      }
    });
  }

  private renderDecl(decl: ImportDecl): void {
    const { model } = this;
    if (decl.form === 'from' && decl.retarget && model.keptSpecs(decl).some((s) => s.kind === 'namespace')) {
      // from pkg import legacy_module ➔ from new_pkg import new_module as legacy_module
      const statement = syntaxOf(decl).statement;
      this.edit(statement.start, endOf(statement), this.declText({ ...decl, module: decl.retarget, added: [...model.keptSpecs(decl), ...decl.added] }));
      return;
    }
    if (decl.retarget) this.retarget(decl);
    if (decl.form !== 'from') return;
    const specs = decl.specs;
    for (const spec of specs) {
      // What no transform changed keeps its text: `a as a`, comments inside the list included.
      if (model.isGone(spec) || !model.isRenamed(spec)) continue;
      const rendered = specText(spec);
      if (rendered !== this.slice(spec.span!)) this.edit(spec.span!.start, spec.span!.end, rendered);
    }
    const kept = specs.filter((s) => !model.isGone(s));
    if (kept.length === 0) {
      // from x import Old with Old gone and New merged in ➔ from x import New
      const first = specs[0].span!;
      const last = specs[specs.length - 1].span!;
      this.edit(first.start, last.end, decl.added.map(specText).join(', '));
      return;
    }
    this.removeSpecs(specs, usesParens(decl));
    if (decl.added.length > 0) this.addSpecs(decl, kept[kept.length - 1]);
  }

  /**
   * from legacy import a ➔ from canonical import a: only the module's name changes.
   * import legacy as m ➔ import canonical.mod as m; import legacy ➔ import canonical.mod as legacy
   */
  private retarget(decl: ImportDecl): void {
    const specifier = this.target.specifierFor(decl.retarget!, decl.specifierText);
    const spec = decl.specs[0];
    const syntax = syntaxOf(decl);
    const needsAlias = decl.form === 'import' && spec?.kind === 'namespace' && !syntax.clause?.d.alias && specifier !== spec.local;
    const text = needsAlias ? `${specifier} as ${spec.local}` : specifier;
    if (text !== decl.specifierText) this.edit(decl.source!.start, decl.source!.end, text);
  }

  /**
   * Gone names leave with their comma: a name alone on its line (in a parenthesized list) leaves with its
   * line and the comment on it; otherwise with the comma towards a kept neighbour.
   */
  private removeSpecs(specs: ImportSpec[], parenthesized: boolean): void {
    const { model } = this;
    for (let i = 0; i < specs.length; ) {
      if (!model.isGone(specs[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < specs.length && model.isGone(specs[j + 1])) j++;
      const ownLines = parenthesized ? this.ownLines(specs[i].span!.start, specs[j].span!.end) : null;
      if (ownLines) this.edit(ownLines.start, ownLines.end, '');
      else if (j + 1 < specs.length) this.edit(specs[i].span!.start, specs[j + 1].span!.start, '');
      else this.edit(specs[i - 1].span!.end, specs[j].span!.end, '');
      i = j + 1;
    }
  }

  /**
   * The whole lines from `start` to `end` when nothing else is on them (a name of a parenthesized list, with
   * its comma and a comment after it); null otherwise.
   */
  private ownLines(start: number, end: number): Span | null {
    const { text } = this.target;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (!/^[ \t]*$/.test(text.slice(lineStart, start))) return null;
    const rest = /^[ \t]*,?[ \t]*(#[^\r\n]*)?(\r?\n)/.exec(text.slice(end));
    return rest ? { start: lineStart, end: end + rest[0].length } : null;
  }

  /** from x import a ➔ from x import a, b; one name a line where the list already is so. */
  private addSpecs(decl: ImportDecl, last: ImportSpec): void {
    const { text, eol } = this.target;
    const added = decl.added.map(specText);
    const statement = syntaxOf(decl).statement;
    const firstSpec = decl.specs[0].span!;
    const multiline = usesParens(decl) && /\n/.test(text.slice(statement.start, firstSpec.start));
    if (!multiline) {
      this.edit(last.span!.end, last.span!.end, added.map((a) => `, ${a}`).join(''));
      return;
    }
    const indent = this.indentAt(last.span!.start);
    const lineEnd = this.lineEnd(last.span!.end);
    const comma = /^[ \t]*,/.test(text.slice(last.span!.end, lineEnd));
    if (comma) {
      // (\n    a,\n) ➔ (\n    a,\n    b,\n): the trailing comma style is kept.
      this.edit(lineEnd, lineEnd, added.map((a) => `${eol}${indent}${a},`).join(''));
    } else {
      this.edit(last.span!.end, last.span!.end, ',');
      this.edit(lineEnd, lineEnd, added.map((a, k) => `${eol}${indent}${a}${k < added.length - 1 ? ',' : ''}`).join(''));
    }
  }

  // ── whole statements ────────────────────────────────────────────────────

  /** A statement removed: with its `;`, or with its line; a block it would leave empty keeps a `pass`. */
  private removeStatement(syntax: PyImportSyntax): void {
    const { statement, line } = syntax;
    const siblings = line.nodeType === NodeType.StatementList ? line.d.statements : [statement];
    if (siblings.length > 1) {
      // import a; import legacy ➔ import a
      const at = siblings.indexOf(statement);
      if (at + 1 < siblings.length) this.edit(statement.start, siblings[at + 1].start, '');
      else this.edit(endOf(siblings[at - 1]), endOf(statement), '');
      return;
    }
    const list = this.removedLines.get(syntax.block);
    if (list) list.push(line);
    else this.removedLines.set(syntax.block, [line]);
  }

  private removeLines(): void {
    const { text } = this.target;
    for (const [block, lines] of this.removedLines) {
      const isSuite = block !== this.target.statements;
      const emptied = isSuite && block.every((s) => lines.includes(s));
      lines.forEach((line, i) => {
        if (emptied && i === 0) {
          this.edit(line.start, endOf(line), 'pass');
          return;
        }
        const lineStart = text.lastIndexOf('\n', line.start - 1) + 1;
        const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
        if (!/^[ \t]*$/.test(text.slice(lineStart + bom, line.start))) {
          // `if x: import legacy; …` kind of lines keep their head; this statement alone goes.
          this.edit(line.start, endOf(line), '');
          return;
        }
        const end = this.lineEnd(endOf(line));
        const newline = /^\r?\n/.exec(text.slice(end));
        this.edit(lineStart + bom, end + (newline ? newline[0].length : 0), '');
      });
    }
  }

  // ── new statements ──────────────────────────────────────────────────────

  private renderCreated(): void {
    const { eol } = this.target;
    const pending = this.model.created.filter((c) => !this.renderedInPlace.has(c));
    const byAnchor = new Map<ImportDecl | null, ImportDecl[]>();
    for (const decl of pending) {
      const list = byAnchor.get(decl.anchor);
      if (list) list.push(decl);
      else byAnchor.set(decl.anchor, [decl]);
    }
    for (const [anchor, group] of byAnchor) {
      if (!anchor?.span) {
        this.insertAtTop(group);
        continue;
      }
      // On the line after the anchor's (after a `; …` and a comment on it), at its indentation.
      const statement = syntaxOf(anchor).statement;
      const at = this.lineEnd(endOf(syntaxOf(anchor).line));
      const indent = this.indentAt(statement.start);
      const pragma = this.pragmaOf(anchor);
      this.edit(at, at, group.map((c) => `${eol}${indent}${this.declText(c)}${ownNames(c) && pragma ? `  ${pragma}` : ''}`).join(''));
    }
  }

  /** Below the docstring and `from __future__` imports, never above them. */
  private insertAtTop(group: ImportDecl[]): void {
    const { statements, text, eol } = this.target;
    let after: ParseNode | null = null;
    statements.forEach((statement, i) => {
      const first = statement.nodeType === NodeType.StatementList ? statement.d.statements[0] : statement;
      const isHead = (i === 0 && isDocstring(first)) || isFutureImport(first);
      if (isHead && (after !== null || i === 0)) after = statement;
    });
    const lines = group.map((c) => this.declText(c));
    if (after) {
      const at = this.lineEnd(endOf(after as ParseNode));
      this.edit(at, at, lines.map((l) => eol + l).join(''));
    } else {
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const first = statements[0];
      const at = first ? text.lastIndexOf('\n', first.start - 1) + 1 : bom;
      this.edit(Math.max(at, bom), Math.max(at, bom), lines.map((l) => l + eol).join(''));
    }
  }

  /** A `# noqa`-like comment on the anchor's first or last line. */
  private pragmaOf(decl: ImportDecl): string | null {
    const { text } = this.target;
    const statement = syntaxOf(decl).statement;
    const lastLine = text.slice(text.lastIndexOf('\n', endOf(statement) - 1) + 1, this.lineEnd(endOf(statement)));
    const firstLine = text.slice(text.lastIndexOf('\n', statement.start - 1) + 1, this.lineEnd(statement.start));
    return PRAGMA.exec(lastLine)?.[0] ?? PRAGMA.exec(firstLine)?.[0] ?? null;
  }

  /**
   * A declaration's statement: `from m import A, B as C`; a module bound whole is `import m as local`, or
   * `from parent import last as local` where it was written as a name of its package.
   */
  private declText(decl: ImportDecl): string {
    const specifier = this.target.specifierFor(decl.module!, decl.specifierText || decl.anchor?.specifierText || '');
    const modules = decl.added.filter((s) => s.kind === 'namespace');
    const names = decl.added.filter((s) => s.kind !== 'namespace');
    const statements = modules.map((s) => (decl.form === 'import' ? plainImport(specifier, s.local) : moduleImport(specifier, s.local)));
    if (names.length > 0) statements.unshift(`from ${specifier} import ${names.map(specText).join(', ')}`);
    return statements.join(this.target.eol + this.indentAt((syntaxOf(decl.anchor ?? decl)?.statement ?? { start: 0 }).start));
  }

  // ── text helpers ────────────────────────────────────────────────────────

  private slice(span: Span): string {
    return this.target.text.slice(span.start, span.end);
  }

  /** Where the line holding `offset` ends, before its line break. */
  private lineEnd(offset: number): number {
    const { text } = this.target;
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    return text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** The whitespace that starts the line holding `offset`. */
  private indentAt(offset: number): string {
    const { text } = this.target;
    let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
    return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  }
}

function usesParens(decl: ImportDecl): boolean {
  const statement = syntaxOf(decl).statement;
  return statement.nodeType === NodeType.ImportFrom && statement.d.usesParens;
}

/** A name as a from-import writes it. */
function specText(spec: ImportSpec): string {
  return spec.imported === spec.local ? spec.imported : `${spec.imported} as ${spec.local}`;
}

/** `import pkg.mod as local` (`import mod` when the name is the module's). */
function plainImport(specifier: string, local: string): string {
  return specifier === local ? `import ${specifier}` : `import ${specifier} as ${local}`;
}

/** A module bound as a name of its package: `from pkg import mod as local`, `from .. import mod`. */
function moduleImport(specifier: string, local: string): string {
  const dots = /^\.*/.exec(specifier)![0];
  const rest = specifier.slice(dots.length);
  const cut = rest.lastIndexOf('.');
  const parent = cut < 0 ? dots : dots + rest.slice(0, cut);
  const last = cut < 0 ? rest : rest.slice(cut + 1);
  if (parent === '') return plainImport(last, local);
  return `from ${parent} import ${last === local ? last : `${last} as ${local}`}`;
}

/** A declaration made of names split off its anchor (not only a factory asked for beside it). */
function ownNames(decl: ImportDecl): boolean {
  return decl.added.some((s) => s.span !== null);
}
