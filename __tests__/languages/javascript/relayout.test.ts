/**
 * A rename that pushes a statement past the print width: the statement is laid out again by the project's
 * own prettier, but only where prettier is the file's formatter (a configuration, or the file passing its
 * check) and prettier wrote that statement as it stood; elsewhere the edits stand as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from '../../../src/languages/language';
import { parseSource } from '../../../src/languages/javascript/parse';
import { relayoutStatements } from '../../../src/languages/javascript/relayout';
import type { AnyNode } from '../../../src/languages/javascript/scope';
import { installPrettier } from '../../helpers/formatter-check';
import { removeTempDirs, tempTree } from '../../helpers/temp-repo';

afterAll(removeTempDirs);

const REPO = path.join(__dirname, '..', '..', '..');

const PRETTIER_WROTE = [
  "export const start = (context: { userId: string }, fallback: Engine | null) => [",
  '  new Engine(context),',
  '  fallback,',
  '];',
].join('\n');
const BY_HAND = 'export const again = (context: { userId: string }) => [new Engine(context), new Engine(context)];';

/** Every `Engine` renamed `UserExecutionEngine`, as the aliased-imports transform spells it. */
function renames(text: string): TextEdit[] {
  return [...text.matchAll(/\bEngine\b/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: 'UserExecutionEngine' }));
}

function relayout(files: Record<string, string>, text: string, withPrettier = true): { edits: TextEdit[]; body: AnyNode[] } {
  const root = tempTree(files);
  if (withPrettier) {
    installPrettier(root, path.join(REPO, 'node_modules', 'prettier'));
  }
  const file = path.join(root, 'src', 'app.ts');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, text);
  const program = parseSource(text, file).program as unknown as AnyNode;
  return { edits: relayoutStatements(file, text, program, renames(text), root), body: program.body };
}

describe('relayoutStatements', () => {
  const text = `${PRETTIER_WROTE}\n\n${BY_HAND}\n`;

  it('lays out again, as prettier writes it, a statement prettier wrote and the rename pushed past the width', () => {
    const { edits, body } = relayout({ '.prettierrc.json': '{ "trailingComma": "es5" }' }, text);
    expect(edits).toEqual([{
      start: body[0].start,
      end: body[0].end,
      text: [
        'export const start = (',
        '  context: { userId: string },',
        '  fallback: UserExecutionEngine | null',
        ') => [new UserExecutionEngine(context), fallback];',
      ].join('\n'),
    }]);
  });

  it('leaves every statement to its edits where prettier is only installed and the file does not pass its check', () => {
    expect(relayout({}, text).edits).toEqual([]);
  });

  it('lays out again in a file without configuration that passes prettier\'s check', () => {
    expect(relayout({}, `${PRETTIER_WROTE}\n`).edits).toHaveLength(1);
  });

  it('leaves the edits as they are where the project has no prettier', () => {
    expect(relayout({ '.prettierrc.json': '{}' }, text, false).edits).toEqual([]);
  });
});
