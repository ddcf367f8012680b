/**
 * `text` as a pattern that matches it literally, in a RegExp with or without the `u` flag: only the
 * syntax characters and `/` are escaped (`u` rejects any other escape, such as `\-`).
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
