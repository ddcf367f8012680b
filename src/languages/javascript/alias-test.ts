/**
 * The text test for a file that names canonical modules only. Such a file changes only where it imports a
 * canonical name under a local name of its own, and JavaScript writes that in two ways:
 *
 *   import { N as L } from '…'      import { 'N' as L } from '…'      (also `import type`, `{ type N as L }`)
 *   const { N: L } = require('…')   const { 'N': L } = require('…')
 *
 * So such a file holds one of the names as a word, perhaps closing a string, followed — past blanks and
 * comments — by `as` or `:`. The test lets through every text that does (and `case N:`, `a ? N : b`, which
 * cost only a parse), and every text with an escape that could spell a name unseen (`\u0055`, `'\x55'`).
 */
import { escapeRegExp } from '../../shared/regexp';

/** `names` as whole JavaScript identifiers: not inside a longer one. */
export function identifierPattern(names: readonly string[], flags = 'u'): RegExp {
  return new RegExp(`(?<![\\p{ID_Continue}$\\u200c\\u200d])(?:${names.map(escapeRegExp).join('|')})(?![\\p{ID_Continue}$\\u200c\\u200d])`, flags);
}

const ESCAPE = /\\[ux0-7]/;
const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

export function aliasTest(names: readonly string[]): (text: string) => boolean {
  if (names.length === 0) return () => false;
  const word = identifierPattern(names, 'gu');
  return (text) => {
    if (ESCAPE.test(text)) return true;
    for (const match of text.matchAll(word)) {
      let at = match.index + match[0].length;
      if (text[at] === "'" || text[at] === '"') at++;
      at = pastBlanksAndComments(text, at);
      if (text[at] === ':') return true;
      if (text.startsWith('as', at) && !IDENTIFIER_PART.test(text[at + 2] ?? '')) return true;
    }
    return false;
  };
}

function pastBlanksAndComments(text: string, from: number): number {
  let at = from;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      at = end < 0 ? text.length : end + 2;
    } else {
      return at;
    }
  }
}
