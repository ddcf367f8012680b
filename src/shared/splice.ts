/** A replacement of `start`–`end` (character offsets) by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** `text` with `edits` (ranges of it, none overlapping) applied; an insertion goes before a replacement at its offset. */
export function applyEdits(text: string, edits: readonly Splice[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
