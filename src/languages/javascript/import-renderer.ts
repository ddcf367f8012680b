/**
 * The import model's plan, written as JavaScript: the smallest edits that express it. What no transform
 * changed keeps its bytes; a new or rebuilt declaration copies the quote, spacing and semicolon style of
 * the declaration it is modelled on.
 */
import { isDefaultImport, type ImportDecl, type ImportModel, type ImportSpec } from '../import-model';
import type { Span, SpecifierWriter, TextEdit } from '../language';
import { groupBy } from '../../shared/collections';
import { escapeFor } from './module-strings';
import type { AnyNode } from './scope';

export interface RenderTarget {
  text: string;
  eol: string;
  program: AnyNode;
  specifierFor: SpecifierWriter;
}

export function renderImports(model: ImportModel, target: RenderTarget): TextEdit[] {
  if (!model.planned) throw new Error('the import model must be planned before it is written');
  return new ImportRenderer(model, target).render();
}

class ImportRenderer {
  private readonly edits: TextEdit[] = [];
  /** Added declarations already written in the place of a removed one. */
  private readonly renderedInPlace = new Set<ImportDecl>();

  constructor(
    private readonly model: ImportModel,
    private readonly target: RenderTarget,
  ) {}

  render(): TextEdit[] {
    for (const decl of this.model.decls) this.renderDecl(decl);
    this.renderCreated();
    return this.edits;
  }

  private edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  private renderDecl(decl: ImportDecl): void {
    const { model } = this;
    const { text, eol } = this.target;
    const node = decl.syntax as AnyNode;
    if (model.isDeleted(decl) && decl.added.length === 0) {
      const replacement = model.createdAfter(decl);
      if (replacement.length === 0) {
        this.removeStatement(node);
      } else {
        // The first added declaration takes the removed one's place, so a header comment above stays above.
        const indent = indentationAt(text, node.start);
        this.edit(node.start, node.end, replacement.map((c) => this.declText(c)).join(eol + indent));
        for (const c of replacement) this.renderedInPlace.add(c);
      }
      return;
    }
    if (this.needsRebuild(decl)) {
      // import Engine from './engine' ➔ import { UserExecutionEngine as Engine } from './canonical'
      this.edit(node.start, node.end, this.declText({ ...decl, specs: [], added: [...model.keptSpecs(decl), ...decl.added], anchor: decl, module: decl.retarget ?? decl.module }));
      return;
    }
    if (decl.retarget) {
      // import { a } from './legacy' ➔ import { a } from './canonical': only the string's content changes
      const specifier = this.target.specifierFor(decl.retarget, decl.specifierText);
      if (specifier !== decl.specifierText) this.edit(decl.source!.start + 1, decl.source!.end - 1, escapeFor(specifier, text[decl.source!.start]));
    }
    this.renderSpecList(decl);
  }

  /**
   * A default import that must become a named one (or the reverse) changes the clause's shape. Only a
   * renamed specifier can need it: `import { default as X }` as written is left as it is.
   */
  private needsRebuild(decl: ImportDecl): boolean {
    return decl.form === 'import' &&
      this.model.keptSpecs(decl).some((s) => this.model.isRenamed(s) && (s.kind === 'default') !== isDefaultImport(s, decl));
  }

  private renderSpecList(decl: ImportDecl): void {
    const { model } = this;
    const { text, eol } = this.target;
    this.removeGoneDefaultAndNamespace(decl);
    const list = decl.specs.filter((s) => s.kind === 'named');
    for (const spec of decl.specs) {
      // What no transform changed keeps its text: `a as a`, comments and quoted names included.
      if (model.isGone(spec) || !model.isRenamed(spec)) continue;
      const rendered = this.specText(spec, decl);
      if (rendered !== text.slice(spec.span!.start, spec.span!.end)) this.edit(spec.span!.start, spec.span!.end, rendered);
    }
    const keptNamed = list.filter((s) => !model.isGone(s));
    const multiline = list.length > 0 && isMultiline(text, list[0].span!.start, decl);
    const newDefault = decl.form === 'import' ? decl.added.find((s) => isDefaultImport(s, decl)) : undefined;
    const added = decl.added.filter((s) => s !== newDefault).map((s) => this.specText(s, decl));
    // Runs of removed specifiers go with the comma that separates them from a kept neighbour; in a list of
    // one name per line, with their own lines, so that a comment on a kept name's line stays with it.
    for (let i = 0; i < list.length; ) {
      if (!model.isGone(list[i])) { i++; continue; }
      let j = i;
      while (j + 1 < list.length && model.isGone(list[j + 1])) j++;
      const lines = multiline && (i > 0 || j + 1 < list.length) ? this.ownLines(list[i], list[j]) : null;
      if (lines) {
        this.edit(lines.start, lines.end, '');
        // The kept name before a removed last run keeps its comma only where the list ends with one, or more follow.
        const comma = j + 1 === list.length && added.length === 0 && !hasCommaAfter(text, list[j]) ? /^[ \t]*,/.exec(text.slice(list[i - 1].span!.end)) : null;
        if (comma) this.edit(list[i - 1].span!.end + comma[0].length - 1, list[i - 1].span!.end + comma[0].length, '');
      } else if (j + 1 < list.length) this.edit(list[i].span!.start, list[j + 1].span!.start, '');
      else if (i > 0) this.edit(list[i - 1].span!.end, list[j].span!.end, '');
      else if (decl.added.length > 0) {
        // import { Old } from 'canonical-ish' with Old gone and New merged in ➔ import { New }
        this.edit(list[0].span!.start, list[j].span!.end, decl.added.map((s) => this.specText(s, decl)).join(', '));
        return;
      } else this.removeEmptyNamedList(decl, list);
      i = j + 1;
    }
    // import { a } from 'm' ➔ import D, { a } from 'm': the plan merges a default only beside kept names
    if (newDefault) this.edit(text.lastIndexOf('{', list[0].span!.start), text.lastIndexOf('{', list[0].span!.start), `${newDefault.local}, `);
    if (added.length === 0) return;
    const last = keptNamed[keptNamed.length - 1];
    if (last) {
      const indent = indentationAt(text, last.span!.start);
      const lineRest = multiline ? /^[ \t]*(,?)[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*(?=\r?\n)/.exec(text.slice(last.span!.end)) : null;
      if (lineRest) {
        // import {\n  a, // note\n} ➔ import {\n  a, // note\n  b,\n}: new names on lines of their own, after the note
        if (!lineRest[1]) this.edit(last.span!.end, last.span!.end, ',');
        const end = last.span!.end + lineRest[0].length;
        const trailing = hasCommaAfter(text, list[list.length - 1]) ? ',' : '';
        this.edit(end, end, added.map((a) => eol + indent + a).join(',') + trailing);
      } else {
        // import { a } from 'm' ➔ import { a, b } from 'm'
        const separator = multiline ? ',' + eol + indent : ', ';
        this.edit(last.span!.end, last.span!.end, added.map((a) => separator + a).join(''));
      }
    } else {
      // import D from 'm' ➔ import D, { b } from 'm'
      const defaultSpec = decl.specs.find((s) => s.kind === 'default' && !model.isGone(s))!;
      this.edit(defaultSpec.span!.end, defaultSpec.span!.end, `, { ${added.join(', ')} }`);
    }
  }

  /**
   * The lines that specifiers `first` to `last` stand on, from the start of the first's line to the end of
   * the last's (its comma and a comment after it included), when no other name shares them; else null.
   */
  private ownLines(first: ImportSpec, last: ImportSpec): Span | null {
    const { text } = this.target;
    const lineStart = text.lastIndexOf('\n', first.span!.start - 1) + 1;
    if (!/^[ \t]*$/.test(text.slice(lineStart, first.span!.start))) return null;
    const tail = /^[ \t]*,?[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*\r?\n/.exec(text.slice(last.span!.end));
    return tail ? { start: lineStart, end: last.span!.end + tail[0].length } : null;
  }

  /**
   * A default or namespace import that goes while another name stays takes its comma with it:
   * import D, { a } from 'm' ➔ import { a } from 'm'; import D, * as ns from 'm' ➔ import D from 'm'
   */
  private removeGoneDefaultAndNamespace(decl: ImportDecl): void {
    const { text } = this.target;
    const specs = decl.specs;
    specs.forEach((spec, i) => {
      if (spec.kind === 'named' || !this.model.isGone(spec)) return;
      if (spec.kind === 'default') {
        // The default comes first: up to the next name (or the `{` of the list), its comma included.
        const after = /^\s*,\s*/.exec(text.slice(spec.span!.end));
        this.edit(spec.span!.start, spec.span!.end + (after?.[0].length ?? 0), '');
      } else if (i > 0) {
        // The namespace comes last: from the end of the name before it.
        this.edit(specs[i - 1].span!.end, spec.span!.end, '');
      }
    });
  }

  /** `import D, { a } from 'm'` with `a` gone ➔ `import D from 'm'`. */
  private removeEmptyNamedList(decl: ImportDecl, list: ImportSpec[]): void {
    const { text } = this.target;
    const defaultSpec = decl.specs.find((s) => s.kind === 'default' && !this.model.isGone(s));
    const close = text.indexOf('}', list[list.length - 1].span!.end);
    if (defaultSpec) this.edit(defaultSpec.span!.end, close + 1, '');
    else this.edit(list[0].span!.start, list[list.length - 1].span!.end, '');
  }

  private renderCreated(): void {
    const { text, eol } = this.target;
    const pending = this.model.created.filter((c) => !this.renderedInPlace.has(c));
    for (const group of [...groupBy(pending, (c) => String(c.anchor?.span?.start ?? 'top')).values()]) {
      const anchor = group[0].anchor;
      if (anchor?.span) {
        // a new declaration goes on the line after the one it was split from, at its indentation
        const indent = indentationAt(text, anchor.span.start);
        this.edit(anchor.span.end, anchor.span.end, group.map((c) => eol + indent + this.declText(c)).join(''));
      } else {
        for (const decl of group) this.insertAtTop(decl);
      }
    }
  }

  /** With no import to follow, a new import goes before the first statement, below header comments and directives. */
  private insertAtTop(decl: ImportDecl): void {
    const { program, eol, text } = this.target;
    const directives: AnyNode[] = program.directives ?? [];
    if (directives.length > 0) {
      const end = directives[directives.length - 1].end;
      this.edit(end, end, eol + this.declText(decl));
    } else if (program.body.length > 0) {
      this.edit(program.body[0].start, program.body[0].start, this.declText(decl) + eol);
    } else {
      this.edit(text.length, text.length, this.declText(decl) + eol);
    }
  }

  /**
   * Remove a statement and, when it stands alone on its line(s), the line too. Comments above it stay:
   * a license header above a removed first import is not the import's to take.
   */
  private removeStatement(node: AnyNode): void {
    const { text } = this.target;
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
    this.edit(start, end, '');
  }

  private specText(spec: ImportSpec, decl: ImportDecl): string {
    const inlineType = spec.typeOnly && !decl.typeOnly ? 'type ' : '';
    if (spec.kind === 'namespace') return `* as ${spec.local}`;
    if (decl.form === 'require') return spec.imported === spec.local ? spec.local : `${spec.imported}: ${spec.local}`;
    if (decl.form === 'import' && spec.kind === 'default' && isDefaultImport(spec, decl)) return spec.local;
    return inlineType + (spec.imported === spec.local ? spec.local : `${spec.imported} as ${spec.local}`);
  }

  /** A whole declaration, in the quote, spacing and semicolon style of the one it is modelled on. */
  private declText(decl: ImportDecl): string {
    const { text } = this.target;
    const decls = this.model.decls;
    const model = decl.anchor?.span ? decl.anchor : decls.find((d) => d.form === decl.form) ?? decls[0];
    const modelText = model?.span ? text.slice(model.span.start, model.span.end) : "import { x } from 'x';";
    const quote = model?.source ? text[model.source.start] : "'";
    const pad = /\{\s/.test(modelText) || !/\{/.test(modelText) ? ' ' : '';
    const semicolon = model?.span ? (modelText.trimEnd().endsWith(';') ? ';' : '') : ';';
    const specifier = quote + escapeFor(this.target.specifierFor(decl.module!, decl.specifierText || model?.specifierText || ''), quote) + quote;
    const specs = decl.added;
    const defaultSpec = decl.form === 'import' ? specs.find((s) => isDefaultImport(s, decl)) : undefined;
    const namespace = specs.find((s) => s.kind === 'namespace');
    const named = specs.filter((s) => s !== defaultSpec && s !== namespace).map((s) => this.specText(s, decl));
    const list = named.length > 0 ? `{${pad}${named.join(', ')}${pad}}` : '';
    const typeKeyword = decl.typeOnly ? 'type ' : '';
    switch (decl.form) {
      case 'import': {
        const clause = [defaultSpec?.local, namespace ? `* as ${namespace.local}` : '', list].filter(Boolean).join(', ');
        // `with { type: 'json' }` belongs to the names read from the model, not to a factory asked for beside it.
        const ownNames = specs.some((s) => s.span !== null);
        const attributes = ownNames && model?.form === 'import' && model.source ? attributesOf(text, model) : '';
        return `import ${typeKeyword}${clause} from ${specifier}${attributes}${semicolon}`;
      }
      case 'export':
        return `export ${typeKeyword}${namespace ? `* as ${namespace.local}` : list} from ${specifier}${semicolon}`;
      default: {
        const kind = model?.form === 'require' ? (model.syntax as AnyNode).kind : 'const';
        return `${kind} ${list} = require(${specifier})${semicolon}`;
      }
    }
  }
}

/** The whitespace that starts the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Whether a comma follows the specifier (the list's trailing comma, for its last). */
function hasCommaAfter(text: string, spec: ImportSpec): boolean {
  return /^\s*,/.test(text.slice(spec.span!.end));
}

function isMultiline(text: string, firstSpecStart: number, decl: ImportDecl): boolean {
  const open = text.lastIndexOf('{', firstSpecStart);
  return open >= decl.span!.start && /\n/.test(text.slice(open, firstSpecStart));
}

function attributesOf(text: string, decl: ImportDecl): string {
  const tail = text.slice(decl.source!.end, decl.span!.end).replace(/;\s*$/, '');
  return /^\s*(with|assert)\s*\{/.test(tail) ? tail : '';
}
