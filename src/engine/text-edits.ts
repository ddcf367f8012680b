/**
 * Edits as character ranges of the original text, spliced in one pass: every byte outside an edit is
 * kept as it was (comments, quotes, semicolons, line endings, a BOM), which is what a reprint loses.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class TextEdits {
  private readonly edits: TextEdit[] = [];

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  remove(start: number, end: number): void {
    this.edits.push({ start, end, text: '' });
  }

  get size(): number {
    return this.edits.length;
  }

  /** Apply every edit to `original`. Overlapping edits are a bug in a transform, never silently merged. */
  apply(original: string): string {
    // Stable order: by start, insertions before replacements at the same offset, then in the order made.
    const ordered = this.edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
      .map(({ edit }) => edit);
    let output = '';
    let cursor = 0;
    for (const edit of ordered) {
      if (edit.start < cursor) {
        throw new Error(`overlapping edits at ${edit.start}-${edit.end} (previous edit ends at ${cursor})`);
      }
      output += original.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return output + original.slice(cursor);
  }
}
