/**
 * Broken imports, made from valid ones: the classes of damage an import rewrite can do (a dropped
 * parenthesis or comma, a trailing comma without parentheses, a newline inside an import, bad indentation,
 * a `from __future__` import that is no longer first…). Each import statement of a file gives one mutant per
 * class that applies to it; which mutants are really broken is for CPython to say (its `compile()`), and a
 * Python parser must then reject every one of those, at the damaged statement.
 *
 * Used by the Python parser's tests (`__tests__/languages/python/parser-mutants.test.ts`) and by
 * `bench/python-parsers.js`, which measures candidate parsers on this machine's stdlib.
 */
'use strict';

/**
 * @typedef {{ start: number, end: number }} Span
 * @typedef {{ kind: string, text: string, line: number, lastLine: number }} Mutant
 *   `line`..`lastLine`: the 1-based lines of the mutated text where the damage is (a parser should report
 *   its error there).
 */

const KEYWORD_NAME = 'class';

/** Where each line starts. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The line of the first code (not blank, not a comment) after `offset`'s line; the last line if none. */
function nextCodeLine(text, starts, offset) {
  for (let line = lineOf(starts, offset) + 1; line <= starts.length; line++) {
    const content = text.slice(starts[line - 1], line < starts.length ? starts[line] : text.length).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return starts.length;
}

function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offsets of the commas of a statement's text that are code, not inside a `# comment`. */
function codeCommas(statement) {
  const commas = [];
  let inComment = false;
  for (let i = 0; i < statement.length; i++) {
    const c = statement[i];
    if (c === '#') inComment = true;
    else if (c === '\n') inComment = false;
    else if (c === ',' && !inComment) commas.push(i);
  }
  return commas;
}

/**
 * The mutants of one import statement at `span` of `text`: each a whole file. `span` is the statement as a
 * parser gives it (`import a`, `from x import (a,\n b)`), without its newline.
 * @param {string} text
 * @param {Span} span
 * @returns {Mutant[]}
 */
function mutantsOfStatement(text, span) {
  const starts = lineStarts(text);
  const s = text.slice(span.start, span.end);
  const firstLine = lineOf(starts, span.start);
  const lastLine = lineOf(starts, Math.max(span.start, span.end - 1));
  const lineStart = starts[firstLine - 1];
  const indent = /^[ \t]*/.exec(text.slice(lineStart))[0];
  const startsLine = span.start === lineStart + indent.length;
  const isFrom = /^from\b/.test(s);
  const names = isFrom ? /\bimport\b/.exec(s) : /^import\b/.exec(s);
  if (!names) return [];
  const afterKeyword = names.index + names[0].length;
  const open = /^\s*\(/.exec(s.slice(afterKeyword));
  const parenthesized = isFrom && !!open;
  const commas = codeCommas(s);
  const out = [];
  /**
   * Replace [a, b) of the statement's text by `r`; the damage is at the statement's lines, and up to the next
   * line of code when `untilNextCode` (a parser may only notice there, as CPython does).
   */
  const edit = (kind, a, b, r, untilNextCode = false) => {
    const mutated = text.slice(0, span.start) + s.slice(0, a) + r + s.slice(b) + text.slice(span.end);
    const added = (r.match(/\n/g) || []).length - (s.slice(a, b).match(/\n/g) || []).length;
    const last = untilNextCode ? nextCodeLine(mutated, lineStarts(mutated), span.start + a + r.length) : lastLine + Math.max(0, added);
    out.push({ kind, text: mutated, line: firstLine, lastLine: Math.max(last, lastLine + Math.max(0, added)) });
  };
  const afterStatement = nextCodeLine(text, starts, Math.max(span.start, span.end - 1));
  if (parenthesized) {
    const at = afterKeyword + open[0].length - 1;
    edit('drop-open-paren', at, at + 1, '');
    const close = s.lastIndexOf(')');
    // The parser may only notice at the next statement: allow the line after.
    if (close > at) edit('drop-close-paren', close, close + 1, '', true);
    edit('empty-parens', at, close + 1, '()');
    edit('parenthesized-star', at, close + 1, '(*)');
  }
  if (commas.length > 0) {
    edit('drop-comma', commas[0], commas[0] + 1, ' ');
    edit('double-comma', commas[0], commas[0] + 1, ',,');
  }
  if (!parenthesized) {
    // Only a statement on one line: a backslash continuation already holds a newline.
    if (firstLine === lastLine) {
      edit('trailing-comma-bare', s.length, s.length, ',');
      if (commas.length > 0) edit('newline-in-import', commas[0], commas[0] + 1, ',\n' + indent, true);
      edit('newline-after-import-keyword', afterKeyword, afterKeyword, '\n' + indent, true);
      edit('dangling-continuation', s.length, s.length, ' \\', true);
    }
  }
  edit('leading-comma', afterKeyword, afterKeyword, ' ,');
  edit('double-semicolon', s.length, s.length, ';;');
  if (isFrom) {
    const from = /^from\s+(\.*)([\w.]*)/.exec(s);
    const moduleEnd = from[0].length;
    edit('drop-import-keyword', names.index, afterKeyword, '');
    if (from[2]) edit('drop-module', from[0].length - from[2].length, moduleEnd, '');
    if (from[2]) edit('trailing-dot-module', moduleEnd, moduleEnd, '.');
    const firstName = /^\s*\(?\s*([A-Za-z_]\w*)/.exec(s.slice(afterKeyword));
    if (firstName && firstName[1] !== 'as') {
      const nameStart = afterKeyword + firstName[0].length - firstName[1].length;
      const nameEnd = nameStart + firstName[1].length;
      edit('keyword-as-name', nameStart, nameEnd, KEYWORD_NAME);
      edit('dotted-imported-name', nameEnd, nameEnd, '.sub');
      edit('missing-alias', nameEnd, nameEnd, ' as');
      edit('double-alias', nameEnd, nameEnd, ' as x as y');
      edit('star-among-names', nameStart, nameStart, '*, ');
      // JavaScript's order: `import a from x`
      edit('javascript-order', 0, s.length, `import ${s.slice(afterKeyword).trim()} ${s.slice(0, names.index).trim()}`);
    }
    if (indent.length > 0 && /^\s*[A-Za-z_(]/.test(s.slice(afterKeyword)) && !/__future__/.test(s)) {
      edit('star-import-in-block', afterKeyword, s.length, ' *');
    }
  } else {
    const module = /^import\s+([A-Za-z_][\w.]*)/.exec(s);
    if (module) {
      const moduleStart = module[0].length - module[1].length;
      edit('relative-plain-import', moduleStart, moduleStart, '.');
      edit('trailing-dot-module', module[0].length, module[0].length, '.');
      edit('parenthesized-plain-import', moduleStart, module[0].length, `(${module[1]})`);
      edit('missing-alias', module[0].length, module[0].length, ' as');
      edit('keyword-as-name', moduleStart, module[0].length, KEYWORD_NAME);
    }
  }
  if (startsLine) {
    // Indentation: one space more, one less, or a tab where spaces were.
    const mutateIndent = (kind, replacement) => {
      const mutated = text.slice(0, lineStart) + replacement + text.slice(lineStart + indent.length);
      out.push({ kind, text: mutated, line: firstLine, lastLine: afterStatement });
    };
    mutateIndent('extra-indent', indent + ' ');
    if (indent.length > 0) mutateIndent('short-indent', indent.slice(1));
    if (/^ +$/.test(indent) && indent.length % 8 !== 0) mutateIndent('tab-indent', '\t' + indent.slice(1));
    // The next statement glued to this one, without a newline or `;`.
    const after = text.slice(span.end);
    const next = /^[ \t]*(\r?\n)([ \t]*)(?=[A-Za-z_])/.exec(after);
    if (next && next[2] === indent) {
      const mutated = text.slice(0, span.end) + ' ' + after.slice(next[0].length);
      out.push({ kind: 'missing-newline', text: mutated, line: firstLine, lastLine });
    }
    if (/^from\s+__future__\b/.test(s)) {
      const mutated = text.slice(0, lineStart) + indent + 'import sys\n' + text.slice(lineStart);
      out.push({ kind: 'future-not-first', text: mutated, line: firstLine, lastLine: lastLine + 1 });
    } else {
      // A future import after this statement: never first.
      const end = span.end + (/^[^\n]*\n?/.exec(after)[0].length);
      const mutated = text.slice(0, end) + (text[end - 1] === '\n' ? '' : '\n') + indent + 'from __future__ import annotations\n' + text.slice(end);
      out.push({ kind: 'future-not-first', text: mutated, line: lastLine + 1, lastLine: lastLine + 1 });
    }
  }
  return out;
}

/**
 * Every mutant of every import statement of a file.
 * @param {string} text
 * @param {Span[]} statements
 * @returns {Mutant[]}
 */
function importMutants(text, statements) {
  return statements.flatMap((span) => mutantsOfStatement(text, span));
}

/** The mutation classes, for reports. */
const MUTATION_CLASSES = [
  'drop-open-paren', 'drop-close-paren', 'empty-parens', 'parenthesized-star', 'drop-comma', 'double-comma',
  'trailing-comma-bare', 'newline-in-import', 'newline-after-import-keyword', 'dangling-continuation',
  'leading-comma', 'double-semicolon', 'drop-import-keyword', 'drop-module', 'trailing-dot-module',
  'keyword-as-name', 'dotted-imported-name', 'missing-alias', 'double-alias', 'star-among-names',
  'javascript-order', 'star-import-in-block', 'relative-plain-import', 'parenthesized-plain-import',
  'extra-indent', 'short-indent', 'tab-indent', 'missing-newline', 'future-not-first',
];

/**
 * A Python program that reads mutants as JSON lines on stdin ({ "text": … }) and answers one JSON line each:
 * whether CPython's compile() rejects it, and where (1-based line and column).
 */
const CPYTHON_ORACLE = `
import sys, json, warnings
warnings.simplefilter('ignore')
for line in sys.stdin:
    text = json.loads(line)['text']
    try:
        compile(text, '<mutant>', 'exec', dont_inherit=True)
        print(json.dumps({'rejected': False}), flush=True)
    except (SyntaxError, ValueError) as e:
        print(json.dumps({'rejected': True, 'line': getattr(e, 'lineno', None), 'column': getattr(e, 'offset', None), 'message': str(getattr(e, 'msg', e))}), flush=True)
`;

module.exports = { importMutants, mutantsOfStatement, MUTATION_CLASSES, CPYTHON_ORACLE };
