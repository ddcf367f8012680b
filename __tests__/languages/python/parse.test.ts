/**
 * The Python parser behind the safety net: pyright's parser with CPython's compile-time import rules. It
 * must accept what CPython accepts (the stdlib sweep is in scenarios/real-world.test.ts) and reject every
 * broken import CPython rejects, at the damaged statement (bench/python-mutants.js makes them).
 */
import * as fs from 'node:fs';
import { SourceParseError } from '../../../src/languages/language';
import { parsePython, PythonVersion } from '../../../src/languages/python/parse';
import { NodeType, childrenOf, endOf, type ParseNode } from '../../../src/languages/python/syntax';
import { importMutants, MUTATION_CLASSES, type Mutant } from '../../../bench/python-mutants';
import { cpythonVerdicts, describeWithPython, stdlibFiles } from '../../helpers/python3';

function errorOf(text: string, version?: PythonVersion): string | null {
  try {
    parsePython('f.py', text, version);
    return null;
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    return error.message;
  }
}

function importStatements(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: ParseNode): void => {
    if (node.nodeType === NodeType.Import || node.nodeType === NodeType.ImportFrom) spans.push({ start: node.start, end: endOf(node) });
    else childrenOf(node).forEach(visit);
  };
  visit(parsePython('f.py', text).tree);
  return spans.sort((a, b) => a.start - b.start);
}

describe('parsePython', () => {
  it('parses what real files hold: a BOM, CRLF, tabs, a coding line, continuations, `;`, string annotations', () => {
    const text = '\ufeff# -*- coding: utf-8 -*-\r\nimport a; import b\r\nfrom c import (d,\r\n\te,)\r\nfrom f import g, \\\r\n    h\r\nx: "not an expression!" = 1\r\n';
    const { tree } = parsePython('f.py', text);
    // Offsets count the BOM: the edits are spliced into the text as read.
    expect(text.slice(tree.d.statements[0].start, tree.d.statements[0].start + 6)).toBe('import');
  });

  it('does not take pyright\'s depth guard for a syntax error: 300 additions in a row are valid Python', () => {
    expect(errorOf(`x = ${Array.from({ length: 300 }, (_, i) => `a${i}`).join(' + ')}\n`)).toBeNull();
  });

  it('parses as the target version: 3.13 by default, the registry\'s when given', () => {
    const returnInFinally = 'def f():\n    try:\n        pass\n    finally:\n        return 1\n';
    expect(errorOf(returnInFinally)).toBeNull();
    expect(errorOf(returnInFinally, PythonVersion.create(3, 14))).toBe('f.py:5:9: A "return" cannot be used to exit a "finally" block');
    expect(errorOf('type Engine = int\n')).toBeNull();
    expect(errorOf('type Engine = int\n', PythonVersion.create(3, 11))).toMatch(/^f\.py:1:1: .*requires Python 3\.12 or newer$/);
  });

  it('reports the first error pyright found, as path:line:column and its reason', () => {
    expect(errorOf('from x import (a,\n    b\nimport c\n')).toBe('f.py:1:15: "(" was not closed');
    expect(errorOf('from x import a,\n')).toBe('f.py:1:16: Trailing comma not allowed without surrounding parentheses');
    expect(errorOf('if x:\n    import a\n  import b\n')).toBe('f.py:3:3: Unindent amount does not match previous indent');
    // The backslash joins `except` to the import: CPython, too, stops there.
    expect(errorOf('try:\n    import a \\\nexcept ImportError:\n    pass\n')).toBe('f.py:3:1: Statements must be separated by newlines or semicolons');
    // Tabs: CPython's rule, not pyright's stricter one.
    expect(errorOf('def f():\n    try:\n\t       import a\n    except ImportError:\n        pass\n')).toBeNull();
    expect(errorOf('def f():\n        if x:\n\t   import a\n        return 1\n')).toBe('f.py:3:5: Inconsistent use of tabs and spaces in indentation');
  });

  it('applies the rules CPython checks after parsing: `from __future__` first, `import *` at module level only', () => {
    expect(errorOf('"""Doc."""\n# comment\nfrom __future__ import annotations\nfrom __future__ import division; import os\n')).toBeNull();
    expect(errorOf('import os\nfrom __future__ import annotations\n')).toBe('f.py:2:1: Imports from __future__ must be at the beginning of the file');
    expect(errorOf('if x:\n    from __future__ import annotations\n')).toBe('f.py:2:5: Imports from __future__ must be at the beginning of the file');
    expect(errorOf('from __future__ import braces\n')).toBe('f.py:1:24: "braces" is not a feature of __future__');
    expect(errorOf('try:\n    from os import *\nexcept ImportError:\n    pass\n')).toBeNull();
    expect(errorOf('def f():\n    from os import *\n')).toBe('f.py:2:5: Wildcard import not allowed within a class or function');
    expect(errorOf('class C:\n    from os import *\n')).toBe('f.py:2:5: Wildcard import not allowed within a class or function');
  });

  it('refuses what pyright\'s tokenizer lets through and CPython does not: Python 2 octals', () => {
    expect(errorOf('x = 0377\n')).toBe('f.py:1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    expect(errorOf('x = 0 + 00 + 0o377 + 0.5 + 0e1 + 0_0 + 10\n')).toBeNull();
  });
});

describeWithPython('broken imports, held against CPython', () => {
  // A deterministic sample of the stdlib's smaller files, the first three imports of each.
  const { files } = stdlibFiles();
  const sample = files.filter((f) => fs.statSync(f).size < 12000).filter((_, i) => i % 7 === 0);
  const mutants: (Mutant & { file: string })[] = [];
  const valid: string[] = [];
  for (const file of sample) {
    const text = fs.readFileSync(file, 'utf8');
    let spans;
    try {
      spans = importStatements(text);
    } catch {
      continue; // not valid for CPython either (the stdlib sweep checks that)
    }
    valid.push(file);
    for (const mutant of importMutants(text, spans.slice(0, 3))) mutants.push({ ...mutant, file });
  }
  const verdicts = cpythonVerdicts(mutants.map((m) => m.text));
  const broken = mutants.filter((_, i) => verdicts[i].rejected);
  const stillValid = mutants.filter((_, i) => !verdicts[i].rejected);

  it(`has a sample: ${sample.length} files, ${mutants.length} mutants`, () => {
    expect(valid.length).toBeGreaterThan(100);
    expect(broken.length).toBeGreaterThan(1500);
  });

  it('rejects every mutant CPython rejects, at the damaged statement', () => {
    const missed: string[] = [];
    const elsewhere: string[] = [];
    for (const m of broken) {
      let error: SourceParseError | null = null;
      try {
        parsePython('m.py', m.text);
      } catch (e) {
        error = e as SourceParseError;
      }
      if (!error) missed.push(`${m.kind} of ${m.file}:${m.line}`);
      else if (error.line < m.line || error.line > m.lastLine) elsewhere.push(`${m.kind} of ${m.file}:${m.line}-${m.lastLine}, reported at ${error.line}`);
    }
    expect(missed).toEqual([]);
    expect(elsewhere).toEqual([]);
  });

  it('accepts every mutant CPython accepts', () => {
    const refused = stillValid.filter((m) => errorOf(m.text) !== null).map((m) => `${m.kind} of ${m.file}:${m.line}: ${errorOf(m.text)}`);
    expect(refused).toEqual([]);
  });

  it('covers every class of damage the generator knows', () => {
    const seen = new Set(broken.map((m) => m.kind));
    expect(MUTATION_CLASSES.filter((kind) => !seen.has(kind))).toEqual([]);
  });
});
