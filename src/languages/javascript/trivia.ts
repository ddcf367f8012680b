/**
 * What JavaScript's scanner skips between tokens, for the text scans that run before any parse (the alias
 * test, the import prologue's scan): white space, line breaks and comments; and where an identifier token ends. A `//` comment ends at any of the
 * language's line terminators — LF, CR, U+2028, U+2029 — not only at LF.
 */

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

/** Where the line that `pos` is on ends, past its terminator (a `//` comment, a hashbang); the text's end if none. */
export function lineEnd(text: string, pos: number): number {
  LINE_TERMINATOR.lastIndex = pos;
  return LINE_TERMINATOR.exec(text) ? LINE_TERMINATOR.lastIndex : text.length;
}

/** Past white space, line breaks and comments; an unclosed `/*` runs to the text's end. */
export function skipTrivia(text: string, pos: number): number {
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (text.startsWith('//', pos)) pos = lineEnd(text, pos);
    else if (text.startsWith('/*', pos)) {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) return text.length;
      pos = close + 2;
    } else return pos;
  }
}

/** The characters that may continue an identifier, as a character class's body (for a `u` pattern). */
export const IDENTIFIER_PART = '\\p{ID_Continue}$\\u200c\\u200d';

/** An identifier's characters, or a `\u` escape that spells one (`\u0045`, `\u{45}`). */
const IDENTIFIER_TOKEN = new RegExp(`(?:[${IDENTIFIER_PART}]|\\\\u(?:[0-9a-fA-F]{4}|\\{[0-9a-fA-F]+\\}))+`, 'uy');

/** Where the identifier token starting at `start` ends: a name spelled with escapes is longer than the name. */
export function identifierEnd(text: string, start: number): number {
  IDENTIFIER_TOKEN.lastIndex = start;
  return IDENTIFIER_TOKEN.exec(text) ? IDENTIFIER_TOKEN.lastIndex : start;
}
