import { formatPatch as formatStructuredPatch, structuredPatch } from 'diff';
import type { Batch } from './plan';
import { toPosix } from '../shared/paths';

export interface FileChange {
  /** Relative to the folder `git apply` will run in, forward slashes. */
  path: string;
  /** `null`: the file does not exist yet and the patch creates it. */
  before: string | null;
  after: string;
}

const CONTEXT_LINES = 3;

/**
 * A git-style unified diff that `git apply` turns into exactly `after`. jsdiff splits lines on `\n` only,
 * so a CRLF line keeps its `\r` in the patch, and a BOM is just the first characters of line 1: both
 * survive byte for byte. Files whose text did not change are left out.
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
  const patch = structuredPatch(isCreate ? '/dev/null' : `a/${path}`, `b/${path}`, change.before ?? '', change.after, undefined, undefined, {
    context: CONTEXT_LINES,
  });
  return formatStructuredPatch({ ...patch, isGit: true, isCreate, newMode: isCreate ? '100644' : undefined });
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
