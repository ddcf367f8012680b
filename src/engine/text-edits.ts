/**
 * Edits as character ranges of the original text, spliced in one pass: every byte outside an edit is
 * kept as it was (comments, quotes, semicolons, line endings, a BOM), which is what a reprint loses.
 * Each edit remembers who made it, so that two that collide can be named instead of merged.
 */
import type { TextEdit } from '../languages/language';

export type { TextEdit };

/** An edit and the transform (or engine step) that made it. */
export interface MadeEdit extends TextEdit {
  by: string;
}

/** The output and the edits that made it, in order; or the first two edits that collide. */
export type Splice = { output: string; edits: MadeEdit[] } | { overlap: [MadeEdit, MadeEdit] };

export class TextEdits {
  private readonly edits: MadeEdit[] = [];

  add(edits: readonly TextEdit[], by: string): void {
    for (const { start, end, text } of edits) this.edits.push({ start, end, text, by });
  }

  get size(): number {
    return this.edits.length;
  }

  /** In the order they apply: by start, insertions before replacements at the same offset, then as made. */
  ordered(): MadeEdit[] {
    return this.edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
      .map(({ edit }) => edit);
  }

  /**
   * `replacement` stands for every edit inside its range (an insertion at either end stays outside): a
   * statement the file's language writes anew. It is made by whoever made the edits it replaces.
   */
  replaceWithin(replacement: TextEdit): void {
    const { start, end } = replacement;
    const inside = (e: MadeEdit): boolean => start <= e.start && e.end <= end && !(e.start === e.end && (e.start === start || e.end === end));
    const by = [...new Set(this.edits.filter(inside).map((e) => e.by))].join(' and ');
    for (let i = this.edits.length - 1; i >= 0; i--) if (inside(this.edits[i])) this.edits.splice(i, 1);
    this.edits.push({ start, end, text: replacement.text, by });
  }

  /** Every edit applied to `original`; two that overlap are a transform's bug, reported, never merged. */
  splice(original: string): Splice {
    const edits = this.ordered();
    let output = '';
    let cursor = 0;
    let previous: MadeEdit | undefined;
    for (const edit of edits) {
      if (previous && edit.start < cursor) return { overlap: [previous, edit] };
      output += original.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
      previous = edit;
    }
    return { output: output + original.slice(cursor), edits };
  }
}
