/**
 * The text test behind `ModuleSystem.aliasTest`: whether a file may import one of `names` under a local
 * name of its own. Each language imports a name under another in its own words (`N as L`, `N: L`), with
 * its own blanks and comments between them; the scan is the same: the name as a whole identifier, perhaps
 * closing a string, then — past blanks and comments — a word or sign that makes it an alias. A text that
 * could spell a name in a way the scan does not see (an escape, a character an identifier normalizes) is
 * always let through. The test may pass a file that aliases nothing (`case N:`, `except N as e`): that
 * costs only a parse.
 */
import { escapeRegExp } from '../shared/regexp';

export interface AliasSyntax {
  /** The characters that continue an identifier (a class, for a RegExp with the `u` flag). */
  identifierPart: string;
  /** Quotes that may close a name written as a string (`'N' as L`). */
  quotes: string;
  /** The position past the blanks and comments that start at `at`. */
  pastTrivia(text: string, at: number): number;
  /** Whether what stands at `at` (past the name and the trivia) makes the name an alias. */
  aliasesAt(text: string, at: number): boolean;
  /** A text the scan may misread: let through whole. */
  unseen: RegExp;
}

/** `names` as whole identifiers of a language: not inside a longer one. */
export function wholeNames(names: readonly string[], identifierPart: string, flags = 'u'): RegExp {
  const alternatives = names.map(escapeRegExp).join('|');
  return new RegExp(`(?<![${identifierPart}])(?:${alternatives})(?![${identifierPart}])`, flags);
}

export function aliasTestFor(syntax: AliasSyntax, names: readonly string[]): (text: string) => boolean {
  if (names.length === 0) return () => false;
  const word = wholeNames(names, syntax.identifierPart, 'gu');
  return (text) => {
    if (syntax.unseen.test(text)) return true;
    for (const match of text.matchAll(word)) {
      let at = match.index + match[0].length;
      if (syntax.quotes.includes(text[at] ?? '\0')) at++;
      if (syntax.aliasesAt(text, syntax.pastTrivia(text, at))) return true;
    }
    return false;
  };
}

/** Whether `keyword` stands at `at` as a whole word. */
export function keywordAt(text: string, at: number, keyword: string, identifierPart: RegExp): boolean {
  return text.startsWith(keyword, at) && !identifierPart.test(text[at + keyword.length] ?? '');
}
