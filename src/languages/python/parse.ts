/**
 * Parsing Python: pyright's parser (npm `@zzzen/pyright-internal`, a republish of pyright's MIT-licensed
 * sources; only its tokenizer and parser are loaded), which is error-tolerant and reports every syntax
 * error as a diagnostic, plus the compile-time rules on imports that CPython enforces after parsing and
 * pyright leaves to its checker: `from __future__` imports only at the beginning of the file, and
 * `import *` only at module level. A text is valid when neither finds anything; otherwise the first
 * problem is thrown as a SourceParseError with its line and column. Measured on this machine's stdlib and
 * on broken-import mutants: README, "Python".
 */
import { Parser, ParseOptions } from '@zzzen/pyright-internal/dist/parser/parser';
import type { ParseFileResults } from '@zzzen/pyright-internal/dist/parser/parser';
import { DiagnosticSink } from '@zzzen/pyright-internal/dist/common/diagnosticSink';
import { PythonVersion, pythonVersion3_13 } from '@zzzen/pyright-internal/dist/common/pythonVersion';
import { LocMessage, setLocaleOverride } from '@zzzen/pyright-internal/dist/localization/localize';
import { SourceParseError } from '../language';
import { positionAt } from '../../shared/text-position';
import { NodeType, forEachChild, endOf, simpleStatements, type ImportFromNode, type ModuleNode, type ParseNode } from './syntax';

// Messages in English whatever the machine's locale: they are reported as they are.
setLocaleOverride('en-us');

/**
 * pyright stops nesting a tree 256 deep (a guard for its checker) and says so as an error; CPython has no
 * such limit (a chain of 300 `+` is valid), and the tree below it is complete, so it is not a syntax error.
 */
const PARSE_DEPTH_LIMIT = LocMessage.maxParseDepthExceeded();
const FUTURE_NOT_FIRST = LocMessage.futureImportLocationNotAllowed();
/**
 * pyright flags tabs mixed with spaces by its own rule, which refuses some indentation CPython accepts
 * (`\t   ` under a line of 8 spaces); CPython's own rule (tabIndentationProblem) decides instead.
 */
const INCONSISTENT_TABS = LocMessage.inconsistentTabs();
const STAR_NOT_AT_MODULE_LEVEL = LocMessage.wildcardInFunction();

/** The features `from __future__ import …` may name (CPython's __future__.all_feature_names). */
const FUTURE_FEATURES = new Set([
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function',
  'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations',
]);

export interface ParsedPython {
  tree: ModuleNode;
  results: ParseFileResults;
}

/** The version a registry targets when it names none. */
export const DEFAULT_PYTHON_VERSION = pythonVersion3_13;

const optionsByVersion = new Map<string, ParseOptions>();

function optionsFor(version: PythonVersion): ParseOptions {
  const key = PythonVersion.toString(version);
  let options = optionsByVersion.get(key);
  if (!options) {
    options = new ParseOptions();
    options.pythonVersion = version;
    // String annotations are parsed (for renames inside them) but not judged: `x: "not an expression"` is valid Python.
    options.reportErrorsForParsedStringContents = false;
    optionsByVersion.set(key, options);
  }
  return options;
}

/**
 * Parse as the grammar of `version` (the registry's target; 3.14 rejects what 3.13 only warned about, such
 * as `return` in `finally`). Offsets index `text` as given, a BOM included.
 */
export function parsePython(file: string, text: string, version: PythonVersion = DEFAULT_PYTHON_VERSION): ParsedPython {
  const options = optionsFor(version);
  const sink = new DiagnosticSink();
  const results = new Parser().parseSourceFile(text, options, sink);
  const tree = results.parserOutput.parseTree;
  const problems: { offset: number; reason: string }[] = [];
  for (const error of sink.getErrors()) {
    if (error.message === PARSE_DEPTH_LIMIT || error.message === INCONSISTENT_TABS) continue;
    const lines = results.tokenizerOutput.lines;
    const line = lines.getItemAt(Math.min(error.range.start.line, lines.count - 1));
    problems.push({ offset: line.start + error.range.start.character, reason: error.message });
  }
  // The first error pyright found is the cause; the next ones are often its consequences, reported
  // earlier in the text (a `try:` left without its `except`). The import rules come after the grammar.
  // What the tokenizer lets through, CPython's tokenizer refuses where it is: before pyright's first error, it comes first.
  const tabs = tabIndentationProblem(results, text);
  if (tabs !== null && (problems.length === 0 || tabs < problems[0].offset)) problems.unshift({ offset: tabs, reason: INCONSISTENT_TABS });
  const octal = leadingZeroProblem(results, text);
  if (octal !== null && (problems.length === 0 || octal < problems[0].offset)) problems.unshift({ offset: octal, reason: LEADING_ZEROS });
  if (problems.length === 0) {
    const rules = importRuleProblems(tree, text);
    if (rules.length > 0) problems.push(rules.reduce((a, b) => (b.offset < a.offset ? b : a)));
  }
  if (problems.length > 0) {
    const first = problems[0];
    const { line, column } = positionAt(text, first.offset);
    throw new SourceParseError(file, line, column, first.reason);
  }
  return { tree, results };
}

const LEADING_ZEROS = 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers';
const NUMBER = 6;

/** Python 2's octal `0377`, which pyright reads as a number and CPython refuses. The first one's offset, or null. */
function leadingZeroProblem(results: ParseFileResults, text: string): number | null {
  if (!/(?<![\w.])0+[1-9]/.test(text)) return null;
  const tokens = results.tokenizerOutput.tokens;
  for (let i = 0; i < tokens.count; i++) {
    const token = tokens.getItemAt(i);
    if ((token.type as number) !== NUMBER) continue;
    const written = text.slice(token.start, token.start + token.length);
    if (/^0[0-9_]*[1-9][0-9_]*$/.test(written)) return token.start;
  }
  return null;
}

const NEW_LINE = 2;
const INDENT = 3;
const DEDENT = 4;
const END_OF_STREAM = 1;

/**
 * CPython's tokenizer rule for tabs: each logical line's indentation is measured twice, with tabs to the
 * next multiple of 8 and as one column; both measures must order the lines alike (a TabError otherwise).
 * The offset of the first line that breaks it, or null.
 */
function tabIndentationProblem(results: ParseFileResults, text: string): number | null {
  if (!text.includes('\t')) return null;
  const tokens = results.tokenizerOutput.tokens;
  const stack = [0];
  const altStack = [0];
  let lineStart = true;
  for (let i = 0; i < tokens.count; i++) {
    const token = tokens.getItemAt(i);
    const type = token.type as number;
    if (type === NEW_LINE) {
      lineStart = true;
      continue;
    }
    if (type === INDENT || type === DEDENT || type === END_OF_STREAM || !lineStart) continue;
    lineStart = false;
    const start = text.lastIndexOf('\n', token.start - 1) + 1;
    const whitespace = text.slice(start, token.start);
    if (!/^[ \t\f]*$/.test(whitespace)) continue;
    let col = 0;
    let alt = 0;
    for (const c of whitespace) {
      if (c === ' ') {
        col++;
        alt++;
      } else if (c === '\t') {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else {
        col = 0;
        alt = 0;
      }
    }
    const top = stack.length - 1;
    if (col === stack[top]) {
      if (alt !== altStack[top]) return token.start;
    } else if (col > stack[top]) {
      if (alt <= altStack[top]) return token.start;
      stack.push(col);
      altStack.push(alt);
    } else {
      while (stack.length > 1 && col < stack[stack.length - 1]) {
        stack.pop();
        altStack.pop();
      }
      // A dedent to no level at all is pyright's error, already reported.
      if (col === stack[stack.length - 1] && alt !== altStack[altStack.length - 1]) return token.start;
    }
  }
  return null;
}

/** What CPython's compiler rejects in imports after parsing: a late `from __future__`, a nested `import *`. */
function importRuleProblems(tree: ModuleNode, text: string): { offset: number; reason: string }[] {
  const problems: { offset: number; reason: string }[] = [];
  const hasFuture = text.includes('__future__');
  if (hasFuture) {
    let beginning = true;
    simpleStatements(tree.d.statements).forEach((statement, i) => {
      if (isFutureImport(statement)) {
        if (!beginning) problems.push({ offset: statement.start, reason: FUTURE_NOT_FIRST });
        for (const name of statement.d.imports) {
          if (!FUTURE_FEATURES.has(name.d.name.d.value)) {
            problems.push({ offset: name.start, reason: `"${name.d.name.d.value}" is not a feature of __future__` });
          }
        }
        if (statement.d.isWildcardImport) problems.push({ offset: statement.start, reason: 'from __future__ import * is not allowed' });
      } else if (!(i === 0 && isDocstring(statement))) {
        beginning = false;
      }
    });
  }
  if (!hasFuture && !/import\s*\*/.test(text)) return problems;
  /** `inScope`: in a function or class body; `inBlock`: in any suite (not at the top level). */
  const visit = (node: ParseNode, inScope: boolean, inBlock: boolean): void => {
    if (node.nodeType === NodeType.ImportFrom) {
      if (inScope && node.d.isWildcardImport) problems.push({ offset: node.start, reason: STAR_NOT_AT_MODULE_LEVEL });
      if (inBlock && hasFuture && isFutureImport(node)) problems.push({ offset: node.start, reason: FUTURE_NOT_FIRST });
      return;
    }
    const scope = node.nodeType === NodeType.Function || node.nodeType === NodeType.Class || node.nodeType === NodeType.Lambda;
    forEachChild(node, (child) => visit(child, inScope || scope, inBlock || node.nodeType === NodeType.Suite));
  };
  visit(tree, false, false);
  return problems;
}

export function isFutureImport(node: ParseNode): node is ImportFromNode {
  return node.nodeType === NodeType.ImportFrom && node.d.module.d.leadingDots === 0 &&
    node.d.module.d.nameParts.length === 1 && node.d.module.d.nameParts[0].d.value === '__future__';
}

/** A module's first statement, when it is a plain string: its docstring. */
export function isDocstring(statement: ParseNode): boolean {
  return statement.nodeType === NodeType.StringList && statement.d.strings.every((s) => s.nodeType === NodeType.String);
}

export { endOf, PythonVersion };
