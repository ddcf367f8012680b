/** Where an offset of a text is, as an editor shows it. */

const lineStartsCache = new WeakMap<object, number[]>();

/** Offsets at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Line and column (1-based) of a character offset in a text. `owner` (any object living as long as the
 * text, such as its AST) lets many lookups in one file share one table of line starts.
 */
export function positionAt(text: string, offset: number, owner?: object): { line: number; column: number } {
  let starts = owner ? lineStartsCache.get(owner) : undefined;
  if (!starts) {
    starts = lineStarts(text);
    if (owner) lineStartsCache.set(owner, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  // A BOM is not a column an editor shows.
  const bom = low === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  return { line: low + 1, column: offset - starts[low] + 1 - bom };
}
