/**
 * The import model's plan, written as JavaScript: the smallest edits that express it, laid out as the
 * project's formatter lays them out (style.ts). What no transform changed keeps its bytes; a declaration
 * we write or change fits the print width on one line or is broken one name per line, as prettier breaks
 * it; comments on a name travel with it; a statement removed takes no blank line another needs.
 */
import { isDefaultImport, type ImportDecl, type ImportModel, type ImportSpec } from '../import-model';
import type { Span, SpecifierWriter, TextEdit } from '../language';
import { groupBy } from '../../shared/collections';
import { applyEdits } from '../../shared/splice';
import { escapeFor } from './module-strings';
import type { AnyNode } from './scope';
import { columns, type JsStyle } from './style';

export interface RenderTarget {
  text: string;
  eol: string;
  program: AnyNode;
  /** Every comment of the file, in order (Babel's `File.comments`). */
  comments: readonly AnyNode[];
  specifierFor: SpecifierWriter;
  /** The file's style, read when first needed: a file whose declarations keep their layout never reads it. */
  style: () => JsStyle;
}

/** A name as a list prints it, with the comments that travel with it. */
interface ListItem {
  text: string;
  /** Comments on lines of their own above it. */
  leading: string[];
  /** A comment after it on its line. */
  trailing: string | null;
}

/** How a statement sits on its line: what precedes it there (its indentation, normally). */
interface Placement {
  prefix: string;
  /** Reprinting a declaration as written: its specifier text is kept unless it is repointed. */
  own?: boolean;
}

export function renderImports(model: ImportModel, target: RenderTarget): TextEdit[] {
  if (!model.planned) throw new Error('the import model must be planned before it is written');
  return new ImportRenderer(model, target).render();
}

class ImportRenderer {
  private readonly edits: TextEdit[] = [];
  /** Added declarations already written in the place of a removed one. */
  private readonly renderedInPlace = new Set<ImportDecl>();
  /** Statements removed whole; their lines, and the blank lines around them, are settled together at the end. */
  private readonly removals: Span[] = [];
  private styleRead: JsStyle | undefined;

  constructor(
    private readonly model: ImportModel,
    private readonly target: RenderTarget,
  ) {}

  private get style(): JsStyle {
    return (this.styleRead ??= this.target.style());
  }

  render(): TextEdit[] {
    for (const decl of this.model.decls) {
      const from = this.edits.length;
      this.renderDecl(decl);
      this.edits.push(...this.settle(decl, this.edits.splice(from)));
    }
    this.renderCreated();
    this.removeStatements();
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
        this.removals.push({ start: node.start, end: node.end });
      } else {
        // The first added declaration takes the removed one's place, so a header comment above stays above.
        const indent = indentationAt(text, node.start);
        const prefix = text.slice(text.lastIndexOf('\n', node.start - 1) + 1, node.start);
        const written = replacement.map((c, i) => this.declText(c, { prefix: i === 0 ? prefix : indent }));
        this.edit(node.start, node.end, this.keptComments(decl, node) + written.join(eol + indent));
        for (const c of replacement) this.renderedInPlace.add(c);
      }
      return;
    }
    if (this.needsRebuild(decl)) {
      // import Engine from './engine' ➔ import { UserExecutionEngine as Engine } from './canonical'
      const rebuilt = { ...decl, specs: [], added: [...model.keptSpecs(decl), ...decl.added], anchor: decl, module: decl.retarget ?? decl.module };
      // Its comments stay, on lines of their own above it: the names they sat beside are written anew.
      this.edit(node.start, node.end, this.keptComments(decl, node) + this.declText(rebuilt, { prefix: this.linePrefix(node.start), own: true }));
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
   * A declaration's minimal edits, or the declaration written anew where its layout must change: a line
   * now longer than the print width is broken, one name per line; under prettier, a list now short enough
   * for one line is joined onto it; with `--format-with`, the project's formatter writes it.
   */
  private settle(decl: ImportDecl, edits: TextEdit[]): TextEdit[] {
    const span = decl.span;
    if (edits.length === 0 || !span || edits.some((e) => e.start < span.start || e.end > span.end)) return edits;
    const { text } = this.target;
    const original = text.slice(span.start, span.end);
    const updated = applyEdits(original, edits.map((e) => ({ ...e, start: e.start - span.start, end: e.end - span.start })));
    const prefix = this.linePrefix(span.start);
    const whole = (replacement: string): TextEdit[] => (replacement === original ? [] : [{ start: span.start, end: span.end, text: replacement }]);
    if (this.style.format) return whole(this.formatted(updated, prefix));
    if (this.model.isDeleted(decl) && decl.added.length === 0) return edits;
    // Comments that stay keep the layout; one that leaves with its name may have been why prettier broke the list.
    if (this.commentsStaying(decl.specs, span.start, span.end).length > 0) return edits;
    const brokenForComment = this.target.comments.some((c) => c.start >= span.start && c.end <= span.end && c.type === 'CommentLine');
    const reprint = (): string => this.declText(
      { ...decl, specs: [], added: [...this.model.keptSpecs(decl), ...decl.added], anchor: decl, module: decl.retarget ?? decl.module },
      { prefix, own: true },
    );
    if (!updated.includes('\n')) {
      const carriesComments = decl.added.some((s) => this.travelling(s).leading.length > 0 || this.travelling(s).trailing !== null);
      if (!carriesComments && columns(prefix + updated, this.style.tabWidth) <= this.style.printWidth) return edits;
      // A name that brings its comment along is written with it, on the line or broken.
      const reprinted = reprint();
      return carriesComments || reprinted.includes('\n') ? whole(reprinted) : edits;
    }
    // Joined only where prettier broke it: as written, it did not fit on one line, or a line comment in it forced the break.
    if ((brokenForComment || columns(prefix + joinLines(original), this.style.tabWidth) > this.style.printWidth) && this.style.collapse()) {
      const joined = reprint();
      if (!joined.includes('\n')) return whole(joined);
    }
    return edits;
  }

  /** `statement` as the project's formatter writes it, at the indentation of `prefix`. */
  private formatted(statement: string, prefix: string): string {
    const base = /^[ \t]*/.exec(prefix)![0];
    const out = this.style.format!(statement, columns(base, this.style.tabWidth)).replace(/\s+$/, '');
    return out.split(/\r?\n/).join(this.target.eol + base);
  }

  /** What precedes `offset` on its line. */
  private linePrefix(offset: number): string {
    const { text } = this.target;
    return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
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
    const added = decl.added.filter((s) => s !== newDefault).map((s) => this.item(s, decl));
    // Runs of removed specifiers go with the comma that separates them from a kept neighbour; in a list of
    // one name per line, with their own lines, so that a comment on a kept name's line stays with it.
    for (let i = 0; i < list.length; ) {
      if (!model.isGone(list[i])) { i++; continue; }
      let j = i;
      while (j + 1 < list.length && model.isGone(list[j + 1])) j++;
      const lines = multiline && (i > 0 || j + 1 < list.length) ? this.ownLines(list[i], list[j]) : null;
      if (lines) {
        // A name that moves takes the comments above it and after it along; those of a name removed stay.
        const start = this.isTravelling(list[i]) ? this.lineStartOf(this.travelling(list[i]).leadingStart ?? list[i].span!.start) : lines.start;
        this.edit(start, lines.end, this.commentsLeftBy(list.slice(i, j + 1), start, lines.end, indentationAt(text, list[i].span!.start)));
        // The kept name before a removed last run keeps its comma only where the list ends with one, or more
        // follow; a block comment on it stays (`a /* why */,` ➔ `a /* why */`).
        const comma = j + 1 === list.length && added.length === 0 && !hasCommaAfter(text, list[j]) ? /^[ \t]*(?:\/\*(?:[^*]|\*(?!\/))*\*\/[ \t]*)?,/.exec(text.slice(list[i - 1].span!.end)) : null;
        if (comma) this.edit(list[i - 1].span!.end + comma[0].length - 1, list[i - 1].span!.end + comma[0].length, '');
      } else if (j + 1 < list.length) {
        // import { a /* why */, b } ➔ import { /* why */ b }: a name sharing its line leaves its comments in place
        const kept = this.commentsIn(list.slice(i, j + 1), list[i].span!.start, list[j + 1].span!.start, 'before', eol + indentationAt(text, list[j + 1].span!.start));
        this.edit(list[i].span!.start, list[j + 1].span!.start, kept);
      } else if (i > 0) {
        const lineEnds = /^[ \t]*\r?\n/.test(text.slice(list[j].span!.end));
        const lineBreak = lineEnds ? '' : eol + indentationAt(text, decl.span!.start);
        const kept = this.commentsIn(list.slice(i, j + 1), list[i - 1].span!.end, list[j].span!.end, 'after', lineBreak);
        // A line comment kept last puts the closing brace on the next line, at the declaration's indentation.
        const spaces = lineBreak && kept.endsWith(lineBreak) ? /^[ \t]*/.exec(text.slice(list[j].span!.end))![0].length : 0;
        this.edit(list[i - 1].span!.end, list[j].span!.end + spaces, kept);
      } else if (decl.added.length > 0) {
        // import { Old } from 'canonical-ish' with Old gone and New merged in ➔ import { New }
        const kept = this.commentsIn(list.slice(0, j + 1), list[0].span!.start, list[j].span!.end, 'before', eol + indentationAt(text, list[0].span!.start));
        this.edit(list[0].span!.start, list[j].span!.end, kept + added.map((a) => a.text).join(', '));
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
      const lineRest = multiline ? /^((?:[ \t]*\/\*[^\r\n]*?\*\/)?)[ \t]*(,?)[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*(?=\r?\n)/.exec(text.slice(last.span!.end)) : null;
      if (lineRest) {
        // import {\n  a, // note\n} ➔ import {\n  a, // note\n  b,\n}: new names on lines of their own, after the note
        // (a comma the last name lacked goes after a block comment on it: `a /* note */,`)
        if (!lineRest[2]) this.edit(last.span!.end + lineRest[1].length, last.span!.end + lineRest[1].length, ',');
        const end = last.span!.end + lineRest[0].length;
        const trailing = hasCommaAfter(text, list[list.length - 1]);
        const lines = added.map((a, k) => [
          ...a.leading.map((c) => eol + indent + c),
          eol + indent + withComment(a.text, k < added.length - 1 || trailing, a.trailing),
        ].join(''));
        this.edit(end, end, lines.join(''));
      } else {
        // import { a } from 'm' ➔ import { a, b } from 'm'
        const separator = multiline ? ',' + eol + indent : ', ';
        this.edit(last.span!.end, last.span!.end, added.map((a) => separator + a.text).join(''));
      }
    } else {
      // import D from 'm' ➔ import D, { b } from 'm'
      const defaultSpec = decl.specs.find((s) => s.kind === 'default' && !model.isGone(s))!;
      const pad = this.style.bracketSpacing === false ? '' : ' ';
      this.edit(defaultSpec.span!.end, defaultSpec.span!.end, `, {${pad}${added.map((a) => a.text).join(', ')}${pad}}`);
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
    // `name, // why`, `name /* why */,` (prettier's place for a block comment) or `name, /* why */`
    const tail = /^[ \t]*(?:\/\*[^\r\n]*?\*\/[ \t]*)?,?[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*\r?\n/.exec(text.slice(last.span!.end));
    return tail ? { start: lineStart, end: last.span!.end + tail[0].length } : null;
  }

  private lineStartOf(offset: number): number {
    return this.target.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Whether a specifier leaves its declaration for another one (rather than being removed). */
  private isTravelling(spec: ImportSpec): boolean {
    return spec.span !== null && !spec.removed && this.model.isGone(spec);
  }

  /**
   * The comments attached to a name written on a line of its own: those on lines of their own right above
   * it (after the previous name's line) and one after it on its line. None for a name that shares its line.
   */
  private travelling(spec: ImportSpec): { leading: string[]; trailing: string | null; leadingStart: number | null } {
    const none = { leading: [], trailing: null, leadingStart: null };
    const { text, comments } = this.target;
    if (!spec.span) return none;
    const lineStart = this.lineStartOf(spec.span.start);
    if (!/^[ \t]*$/.test(text.slice(lineStart, spec.span.start))) return none;
    const siblings = spec.decl.specs;
    const index = siblings.indexOf(spec);
    const after = index > 0 ? siblings[index - 1].span!.end : text.lastIndexOf('{', spec.span.start);
    const boundary = text.indexOf('\n', after);
    const leading = comments.filter((c) => c.start > boundary && c.end <= lineStart && /^[ \t]*$/.test(text.slice(this.lineStartOf(c.start), c.start)));
    const trailing = comments.find((c) => c.start >= spec.span!.end && /^[ \t]*,?[ \t]*$/.test(text.slice(spec.span!.end, c.start)));
    return {
      leading: leading.map((c) => text.slice(c.start, c.end)),
      trailing: trailing ? text.slice(trailing.start, trailing.end) : null,
      leadingStart: leading.length > 0 ? leading[0].start : null,
    };
  }

  /** A block comment right after a name that stays, on its line (`a /* why *\/`): prettier keeps it beside the name. */
  private note(spec: ImportSpec): AnyNode | undefined {
    if (!spec.span || this.model.isGone(spec)) return undefined;
    const { text, comments } = this.target;
    const end = spec.span.end;
    return comments.find((c) => c.type === 'CommentBlock' && c.start >= end && /^[ \t]*$/.test(text.slice(end, c.start)) && !text.slice(c.start, c.end).includes('\n'));
  }

  /** The comments in `start`–`end` that no name of `run` takes along to another declaration (or writes beside it). */
  private commentsStaying(run: readonly ImportSpec[], start: number, end: number): AnyNode[] {
    const { text, comments } = this.target;
    const taken: string[] = [];
    for (const spec of run) {
      // A kept name's note is written with the name wherever its declaration is written anew.
      const note = this.note(spec);
      if (note) taken.push(text.slice(note.start, note.end));
      if (!this.isTravelling(spec)) continue;
      const t = this.travelling(spec);
      taken.push(...t.leading, ...(t.trailing ? [t.trailing] : []));
    }
    return comments.filter((c) => {
      if (c.start < start || c.end > end) return false;
      const at = taken.indexOf(text.slice(c.start, c.end));
      if (at >= 0) taken.splice(at, 1);
      return at < 0;
    });
  }

  /** The comments in `start`–`end` that no name takes along, each on a line of its own at `indent`. */
  private commentsLeftBy(run: ImportSpec[], start: number, end: number, indent: string): string {
    const { text, eol } = this.target;
    return this.commentsStaying(run, start, end).map((c) => indent + text.slice(c.start, c.end) + eol).join('');
  }

  /**
   * The comments in `start`–`end`, written back where the names around them are removed from a list whose
   * names share their lines, `before` the name that follows or `after` the one that precedes: a line
   * comment ends with `lineBreak`, so that what follows it stays code.
   */
  private commentsIn(run: readonly ImportSpec[], start: number, end: number, place: 'before' | 'after', lineBreak: string): string {
    const { text } = this.target;
    return this.commentsStaying(run, start, end)
      .map((c) => {
        const comment = text.slice(c.start, c.end);
        if (c.type === 'CommentLine') return (place === 'after' ? ' ' : '') + comment + lineBreak;
        return place === 'after' ? ' ' + comment : comment + ' ';
      })
      .join('');
  }

  /** The comments inside a statement removed whole that no name takes along, on lines of their own before what replaces it. */
  private keptComments(decl: ImportDecl, node: AnyNode): string {
    const { eol, text } = this.target;
    const left = this.commentsLeftBy(decl.specs, node.start, node.end, indentationAt(text, node.start));
    return left ? left.replace(/^[ \t]*/, '') + indentationAt(text, node.start) : '';
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
    const { eol } = this.target;
    const last = list[list.length - 1].span!.end;
    if (defaultSpec) this.edit(defaultSpec.span!.end, close + 1, this.commentsIn(list, defaultSpec.span!.end, close + 1, 'after', eol));
    else this.edit(list[0].span!.start, last, this.commentsIn(list, list[0].span!.start, last, 'before', eol));
  }

  private renderCreated(): void {
    const { text, eol } = this.target;
    const pending = this.model.created.filter((c) => !this.renderedInPlace.has(c));
    for (const group of [...groupBy(pending, (c) => String(c.anchor?.span?.start ?? 'top')).values()]) {
      const anchor = group[0].anchor;
      if (anchor?.span) {
        // a new declaration goes on the line after the one it was split from, at its indentation
        const indent = indentationAt(text, anchor.span.start);
        let written = group.map((c) => eol + indent + this.declText(c, { prefix: indent })).join('');
        // import { a, b } from './m'; run() ➔ …;\nimport { b } from './n'; run(): what went on after it still needs its `;`
        if (codeFollowsOnLine(text, anchor.span.end) && !written.endsWith(';')) written += ';';
        this.edit(anchor.span.end, anchor.span.end, written);
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
      this.edit(end, end, eol + this.declText(decl, { prefix: '' }));
    } else if (program.body.length > 0) {
      this.edit(program.body[0].start, program.body[0].start, this.declText(decl, { prefix: '' }) + eol);
    } else {
      this.edit(text.length, text.length, this.declText(decl, { prefix: '' }) + eol);
    }
  }

  /**
   * Remove the statements to remove and, where one stands alone on its line(s), the lines too. Comments
   * above stay (a license header above a removed first import is not the import's to take), and so does a
   * comment after it on its line. Where the lines removed leave two blank lines together, or a blank line
   * at the top of the file or of a block, or before its end, one of them goes too.
   */
  private removeStatements(): void {
    const { text } = this.target;
    const ranges: (Span & { lines: boolean })[] = [];
    for (const node of [...this.removals].sort((a, b) => a.start - b.start)) {
      let lineStart = this.lineStartOf(node.start);
      // A BOM belongs to the file, not to its first line.
      if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
      const before = text.slice(lineStart, node.start);
      const after = /^[ \t]*(\r?\n|$)/.exec(text.slice(node.end));
      if (/^[ \t]*$/.test(before) && after) {
        const previous = ranges[ranges.length - 1];
        if (previous?.lines && previous.end === lineStart) previous.end = node.end + after[0].length;
        else ranges.push({ start: lineStart, end: node.end + after[0].length, lines: true });
      } else {
        // import x from './x'; // why ➔ // why
        const comment = /^[ \t]*(?=\/[/*])/.exec(text.slice(node.end));
        ranges.push({ start: node.start, end: node.end + (comment && /^[ \t]*$/.test(before) ? comment[0].length : 0), lines: false });
      }
    }
    for (const range of ranges) {
      if (range.lines) this.dropBlankLine(range);
      const replacement = this.removals
        .filter((r) => r.start >= range.start && r.end <= range.end)
        .map((r) => this.commentsLeftBy(this.declAt(r)?.specs ?? [], r.start, r.end, indentationAt(text, r.start)))
        .join('');
      this.edit(range.start, range.end, replacement);
    }
  }

  private declAt(span: Span): ImportDecl | undefined {
    return this.model.decls.find((d) => d.span?.start === span.start);
  }

  /** Widens a removal of whole lines by one blank line where it would otherwise leave one too many. */
  private dropBlankLine(range: Span): void {
    const { text } = this.target;
    const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(range.end));
    const previousLineStart = range.start > 0 ? this.lineStartOf(range.start - 1) : -1;
    const previousLine = previousLineStart < 0 ? null : text.slice(previousLineStart, range.start).replace(/\r?\n$/, '');
    const atTop = previousLine === null || (previousLineStart === 0 && previousLine === '\ufeff') || range.start <= 1 && text.charCodeAt(0) === 0xfeff;
    const previousBlank = previousLine !== null && /^[ \t]*$/.test(previousLine.replace(/^\ufeff/, ''));
    if (blankAfter && (atTop || previousBlank || /\{[ \t]*$/.test(previousLine ?? ''))) {
      range.end += blankAfter[0].length;
    } else if (previousBlank && !atTop && (range.end === text.length || /^[ \t]*\}/.test(text.slice(range.end)))) {
      range.start = previousLineStart;
    }
  }

  private specText(spec: ImportSpec, decl: ImportDecl): string {
    // A name that stays as it was written keeps its text: `a as a`, a quoted name, `type T`.
    if (spec.span && !this.model.isGone(spec) && !this.model.isRenamed(spec) && spec.kind === 'named') return this.target.text.slice(spec.span.start, spec.span.end);
    const inlineType = spec.typeOnly && !decl.typeOnly ? 'type ' : '';
    if (spec.kind === 'namespace') return `* as ${spec.local}`;
    if (decl.form === 'require') return spec.imported === spec.local ? spec.local : `${spec.imported}: ${spec.local}`;
    if (decl.form === 'import' && spec.kind === 'default' && isDefaultImport(spec, decl)) return spec.local;
    return inlineType + (spec.imported === spec.local ? spec.local : `${spec.imported} as ${spec.local}`);
  }

  /** A name as a list writes it, with the comments that come along when it moves here from another list. */
  private item(spec: ImportSpec, decl: ImportDecl): ListItem {
    const text = this.specText(spec, decl);
    if (!this.isTravelling(spec)) {
      const note = this.note(spec);
      return { text, leading: [], trailing: note ? this.target.text.slice(note.start, note.end) : null };
    }
    const { leading, trailing } = this.travelling(spec);
    return { text, leading, trailing };
  }

  /**
   * A whole declaration: in the quote, brace spacing and semicolons of the project's formatter where it has
   * one, else of the declaration it is modelled on; on one line where it fits, else broken as prettier breaks
   * it; with `--format-with`, as the project's formatter writes it.
   */
  private declText(decl: ImportDecl, placement: Placement): string {
    const { text } = this.target;
    const style = this.style;
    const decls = this.model.decls;
    const model = decl.anchor?.span ? decl.anchor : decls.find((d) => d.form === decl.form) ?? decls[0];
    const modelText = model?.span ? text.slice(model.span.start, model.span.end) : "import { x } from 'x';";
    const quote = style.quote ?? (model?.source ? text[model.source.start] : "'");
    const spaced = style.bracketSpacing ?? (/\{\s/.test(modelText) || !/\{/.test(modelText));
    const pad = spaced ? ' ' : '';
    const semicolon = (style.semi ?? (model?.span ? modelText.trimEnd().endsWith(';') : true)) ? ';' : '';
    const kept = placement.own && !decl.retarget && decl.module === (decl.anchor?.module ?? null) ? decl.specifierText : null;
    const value = kept ?? this.target.specifierFor(decl.module!, decl.specifierText || model?.specifierText || '');
    const specifier = quote + escapeFor(value, quote) + quote;
    const specs = decl.added;
    const defaultSpec = decl.form === 'import' ? specs.find((s) => isDefaultImport(s, decl)) : undefined;
    const namespace = specs.find((s) => s.kind === 'namespace');
    const names = specs.filter((s) => s !== defaultSpec && s !== namespace).map((s) => this.item(s, decl));
    const typeKeyword = decl.typeOnly ? 'type ' : '';
    let written: string;
    switch (decl.form) {
      case 'import': {
        // `with { type: 'json' }` belongs to the names read from the model, not to a factory asked for beside it.
        const ownNames = specs.some((s) => s.span !== null);
        const attributes = ownNames && model?.form === 'import' && model.source ? attributesOf(text, model) : '';
        // A default import keeps the note on the name it was written from: `import Panel /* why */ from`.
        const defaultNote = defaultSpec ? this.item(defaultSpec, decl).trailing : null;
        const defaultText = defaultSpec && (defaultNote ? `${defaultSpec.local} ${defaultNote}` : defaultSpec.local);
        const lead = [defaultText, namespace ? `* as ${namespace.local}` : ''].filter((s): s is string => !!s);
        written = this.layout(`import ${typeKeyword}`, lead, names, ` from ${specifier}${attributes}${semicolon}`, pad, placement.prefix, false);
        break;
      }
      case 'export':
        written = namespace
          ? `export ${typeKeyword}* as ${namespace.local} from ${specifier}${semicolon}`
          : this.layout(`export ${typeKeyword}`, [], names, ` from ${specifier}${semicolon}`, pad, placement.prefix, false);
        break;
      default: {
        const kind = model?.form === 'require' ? (model.syntax as AnyNode).kind : 'const';
        written = this.layout(`${kind} `, [], names, ` = require(${specifier})${semicolon}`, pad, placement.prefix, true);
      }
    }
    return style.format ? this.formatted(written, placement.prefix) : written;
  }

  /**
   * `head lead, { names } tail` on one line when it fits in the print width (or cannot be broken: prettier
   * keeps a lone name of an import on its line, however long), else one name per line at one indentation
   * more, with a trailing comma as configured. A destructuring `require` breaks even with one name.
   */
  private layout(head: string, lead: string[], names: ListItem[], tail: string, pad: string, prefix: string, pattern: boolean): string {
    const { style } = this;
    const { eol } = this.target;
    // A block comment after a name stays on its line, as prettier keeps it; one above a name, or a line comment, breaks the list.
    const list = names.length > 0 ? `{${pad}${names.map((n) => (n.trailing ? `${n.text} ${n.trailing}` : n.text)).join(', ')}${pad}}` : '';
    const oneLine = head + [...lead, list].filter(Boolean).join(', ') + tail;
    // Like prettier: a lone name is never broken unless a comment is on it; a comment on a line of its own, or a line comment, always breaks.
    const commented = names.some((n) => n.leading.length > 0 || n.trailing !== null);
    const forced = names.some((n) => n.leading.length > 0 || (n.trailing !== null && !n.trailing.startsWith('/*')));
    const breakable = names.length > 1 || (names.length === 1 && (lead.length > 0 || pattern)) || commented;
    if (!breakable || (!forced && columns(prefix + oneLine, style.tabWidth) <= style.printWidth)) return oneLine;
    const base = /^[ \t]*/.exec(prefix)![0];
    const inner = base + style.indent;
    const lines = names.map((n, i) => [
      ...n.leading.map((c) => inner + c),
      inner + withComment(n.text, i < names.length - 1 || style.trailingComma, n.trailing),
    ].join(eol));
    return head + [...lead, '{'].join(', ') + eol + lines.join(eol) + eol + base + '}' + tail;
  }
}

/** A name of a list broken one per line, with its comma and a comment after it where prettier puts it: `a /* why *\/,`, `a, // why`. */
function withComment(name: string, comma: boolean, comment: string | null): string {
  if (comment === null) return name + (comma ? ',' : '');
  return comment.startsWith('/*') ? `${name} ${comment}${comma ? ',' : ''}` : `${name}${comma ? ',' : ''} ${comment}`;
}

/** A declaration written one name per line, as it reads on one line: `import {\n  a,\n  b,\n} from` ➔ `import { a, b } from`. */
function joinLines(declaration: string): string {
  return declaration.replace(/\{\s*\n\s*/, '{ ').replace(/,?\s*\n\s*\}/, ' }').replace(/\s*\n\s*/g, ' ');
}

/** The whitespace that starts the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Whether a comma follows the specifier (the list's trailing comma, for its last), a block comment on it aside. */
function hasCommaAfter(text: string, spec: ImportSpec): boolean {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)?,/.test(text.slice(spec.span!.end));
}

function isMultiline(text: string, firstSpecStart: number, decl: ImportDecl): boolean {
  const open = text.lastIndexOf('{', firstSpecStart);
  return open >= decl.span!.start && /\n/.test(text.slice(open, firstSpecStart));
}

function attributesOf(text: string, decl: ImportDecl): string {
  const tail = text.slice(decl.source!.end, decl.span!.end).replace(/;\s*$/, '');
  return /^\s*(with|assert)\s*\{/.test(tail) ? tail : '';
}

/** Whether code (not a comment, not the line's end) follows `offset` on its line. */
function codeFollowsOnLine(text: string, offset: number): boolean {
  return /^[ \t]*(?![ \t]|\/\/|\/\*|\r|\n|$)/.test(text.slice(offset, offset + 200));
}
