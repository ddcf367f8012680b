/**
 * JavaScript's words for importing a canonical name under a local name of its own, for the alias test
 * (`languages/alias-test.ts`):
 *
 *   import { N as L } from '…'      import { 'N' as L } from '…'      (also `import type`, `{ type N as L }`)
 *   const { N: L } = require('…')   const { 'N': L } = require('…')
 *
 * Between the name and `as` or `:` may stand blanks, `//` and `/* *\/` comments (`trivia.ts`). A text the scan may misread
 * is let through whole: one with a backslash before anything but an escape that stands for no letter (`\u0055`,
 * `'\x55'`, `'F\oo'` and a backslash ending a line inside a string all spell `U` or `Foo` unseen), or with an
 * HTML-like comment (`<!--`, `-->`: comments in a script).
 */
import { aliasTestFor, keywordAt, wholeNames, type AliasSyntax } from '../alias-test';
import { IDENTIFIER_PART, skipTrivia } from './trivia';

const IDENTIFIER_CHAR = new RegExp(`[${IDENTIFIER_PART}]`, 'u');

const JAVASCRIPT: AliasSyntax = {
  identifierPart: IDENTIFIER_PART,
  quotes: `'"`,
  pastTrivia: skipTrivia,
  aliasesAt: (text, at) => text[at] === ':' || keywordAt(text, at, 'as', IDENTIFIER_CHAR),
  unseen: /\\[^bfnrtv'"\\]|<!--|-->/,
};

export function aliasTest(names: readonly string[]): (text: string) => boolean {
  return aliasTestFor(JAVASCRIPT, names);
}

/** `names` as whole JavaScript identifiers: not inside a longer one. */
export function identifierPattern(names: readonly string[]): RegExp {
  return wholeNames(names, IDENTIFIER_PART);
}
