/**
 * No comment is ever lost (issue 10): every fixture input of the three transforms, with comments put where
 * a name can take them along or leave them behind — a block comment after a name and before the first,
 * a line comment after a name on its own line, a comment above and after an import — comes out of all three
 * transforms with every one of its comments.
 */
import { parseSource } from '../../src/languages/javascript/parse';
import { selectTransforms } from '../../src/transforms';
import { fixtureCases, runAs } from '../helpers/fixtures';

const COMMENTED: [string, (text: string) => string][] = [
  ['a block comment after a name of a one-line list', (t) => t.replace(/^(import[^;\n]*?\{[^}\n]*?)(\w+)(\s*,)/gm, '$1$2 /* after $2 */$3')],
  ['a block comment before the first name', (t) => t.replace(/^(import[^;\n]*?\{\s*)(\w+)/gm, '$1/* before $2 */ $2')],
  ['a line comment after a name on its own line', (t) => t.replace(/^(\s+)(\w+),([ \t]*)$/gm, '$1$2, // on $2$3')],
  ['comments above and after an import', (t) => t.replace(/^(import .*from .*)$/gm, '// above\n$1 // after')],
];

const commentsOf = (text: string, file: string): string[] => (parseSource(text, file).comments ?? []).map((c) => c.value.trim()).sort();

const cases = ['consolidated-paths', 'direct-instantiation', 'aliased-imports'].flatMap((folder) =>
  fixtureCases(folder)
    .filter((c) => /\.[jt]sx?$/.test(c.fileName))
    .flatMap((c) => COMMENTED.map(([how, comment]) => ({ id: `${folder}/${c.name}: ${how}`, fileName: c.fileName, input: comment(c.input), original: c.input })))
    .filter((c) => c.input !== c.original));

it('puts comments into many fixtures', () => {
  expect(cases.length).toBeGreaterThan(150);
});

it.each(cases.map((c) => [c.id, c]))('%s: every comment is kept', (_, c) => {
  const result = runAs(c.fileName, c.input, selectTransforms());
  expect(result.status).not.toBe('failed');
  const file = `/app/${c.fileName}`;
  expect(commentsOf(result.output ?? c.input, file)).toEqual(commentsOf(c.input, file));
});
