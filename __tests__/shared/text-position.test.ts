import { positionAt } from '../../src/shared/text-position';

describe('positionAt', () => {
  it('gives 1-based lines and columns, over LF and CRLF line endings', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });

  it('does not count a BOM as a column', () => {
    expect(positionAt('\uFEFFimport x', 1)).toEqual({ line: 1, column: 1 });
    expect(positionAt('\uFEFFab\ncd', 5)).toEqual({ line: 2, column: 2 });
  });

  it('shares one line table per owner and still answers right', () => {
    const owner = {};
    const text = 'a\nbb\nccc';
    expect([0, 2, 5, 7].map((offset) => positionAt(text, offset, owner))).toEqual([
      { line: 1, column: 1 }, { line: 2, column: 1 }, { line: 3, column: 1 }, { line: 3, column: 3 },
    ]);
  });
});
