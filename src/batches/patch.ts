import { formatPatch as formatStructuredPatch, structuredPatch, type StructuredPatchHunk } from 'diff';
import type { Batch } from './plan';
import { toPosix } from '../shared/paths';

/** A replacement of `before`'s characters [start, end) by `text`, as the engine's edits are. */
export interface PatchEdit {
  start: number;
  end: number;
  text: string;
}

export interface FileChange {
  /** Relative to the folder `git apply` will run in, forward slashes. */
  path: string;
  /** `null`: the file does not exist yet and the patch creates it. */
  before: string | null;
  after: string;
  /**
   * The edits that make `after` from `before` (in order, none overlapping), when they are known: the patch
   * is then made from them, in time proportional to the file, instead of by diffing the two texts (a
   * diff's time grows with the square of the changes: 40,000 of them took minutes).
   */
  edits?: readonly PatchEdit[];
}

const CONTEXT_LINES = 3;
const NO_NEWLINE = '\\ No newline at end of file';

/**
 * A git-style unified diff that `git apply` turns into exactly `after`. Lines are split on `\n` only, so a
 * CRLF line keeps its `\r` in the patch, and a BOM is just the first characters of line 1: both survive
 * byte for byte. Files whose text did not change are left out.
 */
export function formatPatch(changes: FileChange[]): string {
  return changes
    .filter((change) => change.before !== change.after)
    .map(formatFileChange)
    .join('');
}

function formatFileChange(change: FileChange): string {
  // A `\` is part of a name on POSIX; jsdiff quotes such names the way git does.
  const path = toPosix(change.path);
  const isCreate = change.before === null;
  const oldName = isCreate ? '/dev/null' : `a/${path}`;
  const before = change.before ?? '';
  const hunks = change.edits
    ? hunksFromEdits(before, change.edits)
    : structuredPatch(oldName, `b/${path}`, before, change.after, undefined, undefined, { context: CONTEXT_LINES }).hunks;
  return formatStructuredPatch({
    oldFileName: oldName, newFileName: `b/${path}`, oldHeader: undefined, newHeader: undefined, hunks, isGit: true, isCreate, newMode: isCreate ? '100644' : undefined,
  });
}

/** `text` cut after each `\n`: a last line without one is a line too. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
    lines.push(text.slice(from, at + 1));
    from = at + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/** A run of old lines replaced by new ones. */
interface Region {
  /** 0-based index of its first old line. */
  at: number;
  removed: string[];
  added: string[];
}

/**
 * The hunks of a unified diff with 3 lines of context, made from the edits: each edit touches whole lines
 * of the old text, edits on shared lines make one region, lines a region leaves as they were at its ends
 * are dropped from it, and regions closer than twice the context share a hunk (as diff does).
 */
function hunksFromEdits(before: string, edits: readonly PatchEdit[]): StructuredPatchHunk[] {
  const lines = splitLines(before);
  const starts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i].length, i++) starts.push(offset);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  };
  const endOfLine = (line: number): number => (line + 1 < starts.length ? starts[line + 1] : before.length);

  // Each group of edits that share lines: the old lines [first, last] they touch, rewritten.
  const regions: Region[] = [];
  let i = 0;
  while (i < edits.length) {
    const first = edits[i].start >= before.length ? lines.length : lineOf(edits[i].start);
    let last = first - 1;
    let j = i;
    for (; j < edits.length; j++) {
      const edit = edits[j];
      const from = edit.start >= before.length ? lines.length : lineOf(edit.start);
      if (j > i && from > last) break;
      last = Math.max(last, edit.end > edit.start ? lineOf(edit.end - 1) : from);
    }
    last = Math.min(last, lines.length - 1);
    const regionStart = first < lines.length ? starts[first] : before.length;
    const regionEnd = last >= first ? endOfLine(last) : regionStart;
    let text = '';
    let cursor = regionStart;
    for (const edit of edits.slice(i, j)) {
      text += before.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    text += before.slice(cursor, regionEnd);
    regions.push(trimmed({ at: first, removed: lines.slice(first, last + 1), added: splitLines(text) }));
    i = j;
  }
  return groupIntoHunks(regions.filter((r) => r.removed.length > 0 || r.added.length > 0), lines);
}

/** A region without the lines it leaves as they were, at its start and at its end. */
function trimmed(region: Region): Region {
  const { removed, added } = region;
  let head = 0;
  while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
  let tail = 0;
  while (tail < removed.length - head && tail < added.length - head && removed[removed.length - 1 - tail] === added[added.length - 1 - tail]) tail++;
  return { at: region.at + head, removed: removed.slice(head, removed.length - tail), added: added.slice(head, added.length - tail) };
}

function groupIntoHunks(regions: Region[], lines: string[]): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  let shift = 0;
  let k = 0;
  while (k < regions.length) {
    let end = k;
    while (end + 1 < regions.length && regions[end + 1].at - (regions[end].at + regions[end].removed.length) <= 2 * CONTEXT_LINES) end++;
    const from = Math.max(0, regions[k].at - CONTEXT_LINES);
    const to = Math.min(lines.length, regions[end].at + regions[end].removed.length + CONTEXT_LINES);
    const hunkLines: string[] = [];
    // Only a file's last line can lack its newline, and the patch says so after it.
    const emit = (sign: string, line: string): void => {
      if (line.endsWith('\n')) hunkLines.push(sign + line.slice(0, -1));
      else hunkLines.push(sign + line, NO_NEWLINE);
    };
    let added = 0;
    let cursor = from;
    for (const region of regions.slice(k, end + 1)) {
      for (; cursor < region.at; cursor++) emit(' ', lines[cursor]);
      for (const line of region.removed) emit('-', line);
      for (const line of region.added) emit('+', line);
      cursor += region.removed.length;
      added += region.added.length - region.removed.length;
    }
    for (; cursor < to; cursor++) emit(' ', lines[cursor]);
    hunks.push({ oldStart: from + 1, oldLines: to - from, newStart: from + 1 + shift, newLines: to - from + added, lines: hunkLines });
    shift += added;
    k = end + 1;
  }
  return hunks;
}

/**
 * A `#` line naming the batch, to put before its files' diffs. `git apply` skips any text that is not
 * inside a file section, so the patch still applies as a whole or batch by batch.
 */
export function batchComment(batch: Batch, extra?: string): string {
  const count = `${batch.files.length} file${batch.files.length === 1 ? '' : 's'}`;
  const details = extra ? ` - ${extra}` : '';
  return `# ssot-codemod batch ${batch.index}: ${batch.label} (${count})${details}`.replace(/[\r\n]+/g, ' ') + '\n';
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const FILE_HEADER = /^(diff --git |index |--- |\+\+\+ |new file mode |deleted file mode |old mode |new mode )/;

/** For a terminal only: the colours change the bytes, so a coloured patch no longer applies. */
export function colorizePatch(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      const color = colorOf(line);
      if (!color || line === '') return line;
      // The reset goes before a CRLF line's `\r` so the terminal does not carry the colour over.
      const body = line.endsWith('\r') ? line.slice(0, -1) : line;
      return color + body + ANSI.reset + line.slice(body.length);
    })
    .join('\n');
}

function colorOf(line: string): string | null {
  if (FILE_HEADER.test(line)) return ANSI.bold;
  if (line.startsWith('@@')) return ANSI.cyan;
  if (line.startsWith('+')) return ANSI.green;
  if (line.startsWith('-')) return ANSI.red;
  if (line.startsWith('#')) return ANSI.yellow;
  return null;
}
