/**
 * Python's words for importing a canonical name under a local name of its own, for the alias test
 * (`languages/alias-test.ts`): `from m import N as L`, also in parentheses over several lines, where
 * newlines, `#` comments and `\` continuations may stand between the name and `as`. Python reads an
 * identifier's non-ASCII letters in their NFKC form (`ＮotFoundError` is `NotFoundError`): a text with any
 * non-ASCII character is let through.
 */
import { aliasTestFor, keywordAt, wholeNames, type AliasSyntax } from '../alias-test';

const IDENTIFIER_PART = 'A-Za-z0-9_';
const IDENTIFIER_CHAR = new RegExp(`[${IDENTIFIER_PART}]`);
const LINE_BREAK = /[\n\r]/g;

const PYTHON: AliasSyntax = {
  identifierPart: IDENTIFIER_PART,
  quotes: '',
  pastTrivia: (text, from) => {
    let at = from;
    for (;;) {
      while (at < text.length && /[\s\\]/.test(text[at])) at++;
      if (text[at] !== '#') return at;
      // A comment runs to the line's end: LF, or a lone CR, which Python reads as one too.
      LINE_BREAK.lastIndex = at;
      at = LINE_BREAK.exec(text) ? LINE_BREAK.lastIndex - 1 : text.length;
    }
  },
  aliasesAt: (text, at) => keywordAt(text, at, 'as', IDENTIFIER_CHAR),
  unseen: /[^\x00-\x7f]/,
};

export function aliasTest(names: readonly string[]): (text: string) => boolean {
  return aliasTestFor(PYTHON, names);
}

/** `names` as whole Python names (ASCII letters, digits and `_` around them end a name, anything else does not). */
export function identifierPattern(names: readonly string[]): RegExp {
  return wholeNames(names, IDENTIFIER_PART);
}
