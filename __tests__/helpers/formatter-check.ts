/**
 * The formatter invariant of issue 10, as tests check it: `prettier --check` as the CLI runs it (the
 * configuration prettier resolves for the file, `.editorconfig` included) with prettier 3 and prettier 2,
 * and, for an input that does not pass, which of its lines a rewrite touched and which it needed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { structuredPatch } from 'diff';
import { parseSource } from '../../src/languages/javascript/parse';
import type { TextEdit } from '../../src/languages/language';
import { prettierCheck, prettierConfig } from '../../src/languages/javascript/prettier';

/**
 * Both majors, as devDependencies: `prettier` (3) and `prettier2` (npm:prettier@2.8.8), each asked through
 * the engine's own bridge (prettier 3 cannot be loaded inside jest's module sandbox; a worker thread can).
 */
export const PRETTIERS: readonly { name: string; entry: string; folder: string }[] = [
  { name: 'prettier 3', entry: require.resolve('prettier'), folder: path.join(__dirname, '..', '..', 'node_modules', 'prettier') },
  { name: 'prettier 2', entry: require.resolve('prettier2'), folder: path.join(__dirname, '..', '..', 'node_modules', 'prettier2') },
];

/**
 * `folder` (one of PRETTIERS, or any package) installed in `root` as its `node_modules/prettier`, the way npm
 * installs it: files inside the project. Hard links, not a link to ours: a prettier whose real path lies
 * outside the project is not the project's, and the engine never loads it.
 */
export function installPrettier(root: string, folder: string, name = 'prettier'): void {
  const copy = (from: string, to: string): void => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) copy(source, target);
      else {
        try {
          fs.linkSync(source, target);
        } catch {
          fs.copyFileSync(source, target); // another disk
        }
      }
    }
  };
  copy(fs.realpathSync(folder), path.join(root, 'node_modules', name));
}

/** Whether `text`, as the file at `file`, passes `prettier --check` with the configuration prettier resolves there. */
export function passesCheck(entry: string, file: string, text: string): boolean {
  const { options } = prettierConfig(entry, file);
  return prettierCheck(entry, text, { ...options, filepath: file });
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/**
 * The lines of `input` (1-based) a rewrite needs: those of the innermost statement (or declaration)
 * around each edit, the edit's own, and a blank line beside them (a removed statement takes one along).
 */
export function neededLines(input: string, file: string, edits: readonly TextEdit[]): Set<number> {
  const statements: { start: number; end: number }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && /(Statement|Declaration)$/.test(n.type) && typeof n.start === 'number') {
      statements.push({ start: n.start as number, end: n.end as number });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'extra') walk(value);
  };
  walk(parseSource(input, file).program);
  const lines = input.split('\n');
  const needed = new Set<number>();
  for (const edit of edits) {
    const around = statements
      .filter((s) => s.start <= edit.start && edit.end <= s.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const from = Math.min(lineOf(input, edit.start), around ? lineOf(input, around.start) : Infinity);
    const to = Math.max(lineOf(input, edit.end), around ? lineOf(input, around.end) : 0);
    for (let line = from; line <= to; line++) needed.add(line);
  }
  for (const line of [...needed]) {
    for (const beside of [line - 1, line + 1]) if (/^\s*$/.test(lines[beside - 1] ?? 'x')) needed.add(beside);
  }
  return needed;
}

/**
 * The lines of `input` (1-based) that the diff to `output` touches and `needed` does not hold: each line it
 * removes or changes, and each insertion neither of whose neighbours is needed.
 */
export function linesTouchedBeyond(input: string, output: string, needed: Set<number>): number[] {
  const beyond: number[] = [];
  for (const hunk of structuredPatch('a', 'b', input, output, '', '', { context: 0 }).hunks) {
    // An insertion lies between two lines, whichever of them the diff names.
    if (hunk.oldLines === 0 && ![hunk.oldStart - 1, hunk.oldStart, hunk.oldStart + 1].some((line) => needed.has(line))) beyond.push(hunk.oldStart);
    for (let i = 0; i < hunk.oldLines; i++) if (!needed.has(hunk.oldStart + i)) beyond.push(hunk.oldStart + i);
  }
  return beyond;
}
