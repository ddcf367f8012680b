/**
 * The cheaper safety net (issue 15): a rewrite changes a few top-level statements of a file that parsed;
 * only those statements, as rewritten, are parsed again — together, in order, under the setting the
 * file parsed under — instead of the whole file. What that alone could miss is checked apart:
 *
 * - where a changed statement meets an unchanged one, the two could run together (no semicolon, and the
 *   first could go on: `x = y` then `(a)`): an unchanged neighbour that could go on, or a changed last
 *   statement that could, is parsed with them;
 * - the parts parsed are joined by `;` on a line of its own, which hides what runs from one part into the
 *   output that follows it: a comment that reaches a join (`/*` closed in a later part, over statements not
 *   parsed; a `//` the join's line break ended), or a statement past the join's `;` (a template or a block
 *   across parts), proves nothing; a string that starts a part is a statement there (the part alone reads it
 *   as a directive; in the output it may run on into what follows);
 * - a name the rewrite binds or exports at the top level anew could clash with a declaration (or an export)
 *   in the statements not parsed (`import { A }` added beside `class A`, a `var A` nested anywhere, `a`
 *   exported where `export { a }` already stands): when such a name appears at all in their text, nothing is
 *   proven; exported names are compared apart from bound ones. A name a named import bound before and a
 *   default or namespace import binds now counts as new: with TypeScript, Babel lets a local declaration
 *   repeat a named import's name, not a default import's (`import { A as L }` ➔ `import L`, beside `let L`).
 *
 * A file read from its import prologue alone (prologue.ts) has no statements after it in its tree: its
 * rest is one more unchanged part, which an edit must not reach and its last statement must not run on into.
 *
 * Three kinds of edit need no parse at all (`tokenEdits`), each meeting no other edit. With the file's scopes
 * analysed (they name the identifiers that are references): one name for another, and `new Name` before `(`
 * made a call of a name; either puts an identifier token where a token of the same class stood (`new` is a
 * word too), so no statement can parse otherwise, given that the new name is no keyword. Always: the text
 * inside the quotes of a top-level declaration's module string for other text, neither holding a quote, a
 * backslash or a line terminator; the string stays one string token (20,000 files: 140 of 1,000 rewrites
 * then parse nothing).
 *
 * It only ever proves: anything it cannot prove (a file parsed as a script, no statement, a clash
 * possible, a part that does not parse) is left to the whole-file parse, which alone gives the verdict
 * and the message. So it cannot raise a false alarm, and a rewrite it passes parses as a whole.
 */
import type { File } from '@babel/types';
import type { TextEdit } from '../language';
import { identifierPattern } from './alias-test';
import { parseUnder, type ParseSettings } from './parse';
import { patternIdentifiers, type AnyNode, type Reference } from './scope';
import { identifierEnd, skipTrivia } from './trivia';

/** Statements after which nothing can run on into the next one (with ASI, a newline ends them). */
const CLOSED = new Set([
  'ImportDeclaration', 'ExportAllDeclaration', 'FunctionDeclaration', 'ClassDeclaration', 'TSInterfaceDeclaration',
  'TSEnumDeclaration', 'BlockStatement', 'EmptyStatement',
]);

/** Statements a `;` ends (or a line break, by ASI): one that took the join's `;` took it as its end, not as a body. */
const ENDED_BY_A_SEMICOLON = new Set([
  'ExpressionStatement', 'Directive', 'VariableDeclaration', 'ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration',
  'ExportDefaultDeclaration', 'ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement', 'DebuggerStatement',
  'DoWhileStatement', 'TSTypeAliasDeclaration', 'TSImportEqualsDeclaration', 'TSExportAssignment', 'TSNamespaceExportDeclaration',
  'TSDeclareFunction',
]);

function isClosed(statement: AnyNode, text: string): boolean {
  if (text.charCodeAt(statement.end - 1) === 59 /* ; */) return true;
  if (CLOSED.has(statement.type)) return true;
  if (statement.type === 'TSModuleDeclaration') return statement.body?.type === 'TSModuleBlock';
  if (statement.type === 'TSImportEqualsDeclaration') return statement.moduleReference.type === 'TSExternalModuleReference';
  if (statement.type === 'ExportNamedDeclaration') return !statement.declaration || isClosed(statement.declaration, text);
  if (statement.type === 'ExportDefaultDeclaration') return statement.declaration.type === 'FunctionDeclaration' || statement.declaration.type === 'ClassDeclaration';
  return false;
}

/** Where a top-level statement starts, its decorators included (`@dec export class`). */
function startOf(statement: AnyNode): number {
  const decorators: AnyNode[] | undefined = statement.decorators ?? statement.declaration?.decorators;
  return Math.min(statement.start, decorators?.[0]?.start ?? statement.start);
}

export interface ParsedFile {
  path: string;
  text: string;
  ast: File;
  settings: ParseSettings;
  /** Set when `ast` is the import prologue's alone: where the prologue ends. */
  headEnd?: number;
  /** The file's references, when its scopes were analysed: what lets an edit of a name go unparsed. */
  references?: readonly Reference[];
}

export function rewriteParses(file: ParsedFile, output: string, allEdits: readonly TextEdit[]): boolean {
  const { text, settings, headEnd } = file;
  // A script's directives and sloppy mode reach every statement: the whole file is parsed.
  if (settings.sourceType !== 'module' || allEdits.length === 0) return false;
  const proven = tokenEdits(file, allEdits);
  // The statements the other edits touched are parsed; where they lie in the output, every edit says.
  const edits = proven.size === 0 ? allEdits : allEdits.filter((edit) => !proven.has(edit));
  if (edits.length === 0) return true;
  // Only the prologue was parsed: an edit in or at the start of the rest is beyond what this can check.
  if (headEnd !== undefined && edits.some((edit) => edit.end > headEnd || edit.start >= headEnd)) return false;
  const end = headEnd ?? text.length;
  const body = file.ast.program.body as unknown as AnyNode[];
  const n = body.length;
  if (n === 0) return false;
  // Segment i: statement i and what follows it up to the next statement (segment 0 from the file's start).
  const starts = body.map((statement, i) => (i === 0 ? 0 : startOf(statement)));
  const segmentEnd = (i: number): number => (i + 1 < n ? starts[i + 1] : end);
  for (let i = 1; i < n; i++) if (starts[i] < starts[i - 1]) return false;

  const touched = new Array<boolean>(n).fill(false);
  let segment = 0;
  for (const edit of edits) {
    while (segment + 1 < n && starts[segment + 1] <= edit.start) segment++;
    // An insertion between two statements goes with the one it opens (or the last); a replacement with every statement it overlaps.
    touched[segment] = true;
    for (let j = segment + 1; j < n && starts[j] < edit.end; j++) touched[j] = true;
  }
  // Where a changed run meets an unchanged statement before it that could run on into it, that one joins.
  for (let i = 1; i < n; i++) if (touched[i] && !touched[i - 1] && !isClosed(body[i - 1], text)) touched[i - 1] = true;

  // Where an original segment boundary lies in the output: after every edit that ends before it or, ending
  // at it, started before it; an insertion at a boundary opens the segment that starts there.
  const outputOffset = (boundary: number): number => {
    let shift = 0;
    for (const edit of allEdits) {
      if (edit.start >= boundary) break;
      shift += edit.text.length - (edit.end - edit.start);
    }
    return boundary + shift;
  };

  // Runs of changed segments, as output text; a run whose last statement could run on takes the next one too.
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (!touched[i]) continue;
    let j = i;
    while (j + 1 < n && touched[j + 1]) j++;
    runs.push({ from: i, to: j });
    i = j;
  }
  let parsed = parseRuns(file, output, runs, outputOffset, segmentEnd, starts);
  if (!parsed) return false;
  // The prologue's last statement, rewritten, could run on into the rest, which was not parsed.
  if (end < text.length && runs[runs.length - 1].to === n - 1 && parsed.open[runs.length - 1]) return false;
  const open = runs.filter((run, r) => run.to + 1 < n && parsed!.open[r]);
  if (open.length > 0) {
    for (const run of open) run.to++;
    // Runs that now meet are one.
    for (let k = runs.length - 1; k > 0; k--) {
      if (runs[k].from <= runs[k - 1].to + 1) {
        runs[k - 1].to = Math.max(runs[k - 1].to, runs[k].to);
        runs.splice(k, 1);
      }
    }
    parsed = parseRuns(file, output, runs, outputOffset, segmentEnd, starts);
    if (!parsed) return false;
    if (end < text.length && runs[runs.length - 1].to === n - 1 && parsed.open[runs.length - 1]) return false;
  }

  // Names bound or exported at the top level that the changed statements did not bind or export before, or
  // did not bind by a default or namespace import.
  const before = new Set<string>();
  const wholeBefore = new Set<string>();
  for (const run of runs) for (let i = run.from; i <= run.to; i++) topLevelNames(body[i], before, wholeBefore);
  const after = new Set<string>();
  const wholeAfter = new Set<string>();
  for (const statement of parsed.statements) topLevelNames(statement, after, wholeAfter);
  const fresh = [...after].filter((name) => !before.has(name) || (wholeAfter.has(name) && !wholeBefore.has(name)));
  if (fresh.length === 0) return true;
  // Any of them anywhere in the statements not parsed could be a clash: only the whole file can tell.
  const word = identifierPattern([...new Set(fresh.map(spelled))]);
  let cursor = 0;
  for (const run of runs) {
    if (word.test(text.slice(cursor, starts[run.from]))) return false;
    cursor = segmentEnd(run.to);
  }
  return !word.test(text.slice(cursor));
}

/**
 * Words a name written in place of another must not be: JavaScript's keywords and reserved words, the
 * contextual words of JavaScript and TypeScript, any of which may begin another production (`async`, `type`),
 * and TypeScript's built-in type names, which a type reads as keywords (`A<T>` ➔ `string<T>` does not parse;
 * `type X = intrinsic` is the intrinsic keyword).
 */
const NOT_A_PLAIN_NAME = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'async', 'of', 'as', 'get', 'set', 'from', 'type', 'declare', 'abstract', 'readonly', 'namespace',
  'module', 'global', 'keyof', 'infer', 'is', 'asserts', 'unique', 'satisfies', 'accessor', 'constructor', 'out',
  'override', 'undefined', 'using', 'source', 'defer', 'require',
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'bigint', 'symbol', 'intrinsic',
]);
const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;
/** Where a name for a name changes nothing but the name (an export specifier's may repeat an exported name; JSX names its closing tag too). */
const TOKEN_CONTEXTS = new Set(['value', 'type', 'typeof-type', 'new-callee', 'extends', 'instanceof']);

function isPlainName(text: string): boolean {
  return PLAIN_NAME.test(text) && !NOT_A_PLAIN_NAME.has(text);
}

/** What no string may gain or lose and stay one token: its quotes, an escape, a line terminator. */
const STRING_BREAKING = /['"`\\\n\r\u2028\u2029]/;

/**
 * Whether an edit replaces text strictly inside the quotes of a top-level declaration's module string, with
 * text that ends no string and starts no escape, in a string that holds none: it stays the one string it was.
 */
function moduleStringTest(file: ParsedFile): (edit: TextEdit) => boolean {
  const { text } = file;
  const strings: { start: number; end: number }[] = [];
  for (const statement of file.ast.program.body as unknown as AnyNode[]) {
    const source = statement.source;
    if (source?.type === 'StringLiteral' && !text.slice(source.start + 1, source.end - 1).includes('\\')) strings.push(source);
  }
  return (edit) => !STRING_BREAKING.test(edit.text) &&
    strings.some((string) => string.start < edit.start && edit.end < string.end);
}

/**
 * The edits that put an identifier where a word stood, or a module string's text for another, each apart
 * from every other edit (so the text around it is the original's), with the file's references to say what
 * the word was:
 *   IsolatedExecutionEngine ➔ UserExecutionEngine                  (a reference, as spelled, for a plain name)
 *   new ExecutionEngine(ctx) ➔ createUserExecutionEngine(ctx)      (`new ` deleted, the callee named anew;
 *                                                                    `factories.create` too)
 */
function tokenEdits(file: ParsedFile, edits: readonly TextEdit[]): Set<TextEdit> {
  const proven = new Set<TextEdit>();
  const { text } = file;
  const referenceAt = new Map<number, Reference>();
  for (const reference of file.references ?? []) referenceAt.set(reference.start, reference);
  const order = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const apart = (first: number, last: number): boolean =>
    (first === 0 || order[first - 1].end < order[first].start) && (last === order.length - 1 || order[last].end < order[last + 1].start);
  const nameAt = (edit: TextEdit): Reference | null => {
    const reference = referenceAt.get(edit.start);
    if (!reference || reference.node.type !== 'Identifier' || !TOKEN_CONTEXTS.has(reference.context)) return null;
    return edit.end === identifierEnd(text, edit.start) ? reference : null;
  };
  const inModuleString = moduleStringTest(file);
  for (let i = 0; i < order.length; i++) {
    const edit = order[i];
    // '../agents/execution_engine_consolidated' ➔ '../agents/supervisor/user_execution_engine'
    if (inModuleString(edit) && apart(i, i)) {
      proven.add(edit);
      continue;
    }
    const renamed = nameAt(edit);
    // IsolatedExecutionEngine ➔ UserExecutionEngine
    if (renamed && isPlainName(edit.text) && apart(i, i)) {
      proven.add(edit);
      continue;
    }
    // `new ` ➔ '', then ExecutionEngine ➔ createUserExecutionEngine, its arguments' `(` next
    const callee = i + 1 < order.length ? order[i + 1] : undefined;
    const constructed = callee && edit.text === '' && edit.end === callee.start ? nameAt(callee) : null;
    if (
      constructed?.context === 'new-callee' && constructed.parent.start === edit.start && !constructed.parent.typeParameters &&
      !constructed.parent.typeArguments && /^new\s+$/.test(text.slice(edit.start, edit.end)) &&
      text[skipTrivia(text, callee!.end)] === '(' && callee!.text.split('.').every(isPlainName) && apart(i, i + 1)
    ) {
      proven.add(edit).add(callee!);
      i++;
    }
  }
  return proven;
}

/**
 * The runs' output text joined by `;` (each run then starts a statement, whatever the one before ended
 * with), parsed; and whether each run's last statement could run on into what follows it.
 */
function parseRuns(
  file: ParsedFile,
  output: string,
  runs: { from: number; to: number }[],
  outputOffset: (boundary: number) => number,
  segmentEnd: (i: number) => number,
  starts: number[],
): { statements: AnyNode[]; open: boolean[] } | null {
  const parts: string[] = [];
  const ends: number[] = [];
  let length = 0;
  for (const run of runs) {
    const from = run.from === 0 ? 0 : outputOffset(starts[run.from]);
    // The last segment runs to the output's end, or, in a tree of the prologue's, to where the prologue ends.
    const to = run.to + 1 < starts.length || file.headEnd !== undefined ? outputOffset(segmentEnd(run.to)) : output.length;
    const part = output.slice(from, to);
    parts.push(part, '\n;\n');
    length += part.length;
    ends.push(length);
    length += 3;
  }
  const snippet = parts.join('');
  let ast: File;
  try {
    ast = parseUnder(snippet, file.path, file.settings);
  } catch {
    return null;
  }
  // What reaches a join ran on into what follows the run in the output, which the join hides: a comment (`/*` …
  // `*/` across runs, or a `//` that the join's line break ended), a statement past the join's `;` (a template,
  // a block, JSX across runs). The whole file decides.
  const across = (start: number, end: number, past: number): boolean => ends.some((join) => start < join && end > join + past);
  if ((ast.comments ?? []).some((comment) => across(comment.start!, comment.end!, -1))) return null;
  // (a string that starts a part is read as a directive, outside the body: in the output it may be an expression that runs on)
  const statements = [...ast.program.directives, ...ast.program.body].sort((a, b) => a.start! - b.start!) as unknown as AnyNode[];
  if (statements.some((statement) => across(statement.start, statement.end, 2))) return null;
  // A run's last statement is the last one that starts in its text; one that reaches past it ran on into the `;`.
  const lasts = runs.map((_, r) => {
    let last: AnyNode | undefined;
    for (const statement of statements) {
      if (statement.start >= ends[r]) break;
      last = statement;
    }
    return last;
  });
  // The join's `;` made a body (`label:`, `if (x)`, a loop): what follows in the output would be that body, or nothing.
  if (lasts.some((last, r) => last && last.end > ends[r] && !ENDED_BY_A_SEMICOLON.has(last.type))) return null;
  const open = lasts.map((last, r) => {
    if (!last || (r > 0 && last.start < ends[r - 1])) return last ? last.end > ends[r] : false;
    return last.end > ends[r] || !isClosed(last, snippet);
  });
  return { statements, open };
}

/** Before an exported name in topLevelNames' set: exporting `a` anew is new even where `a` was bound (`export { a }` twice). */
const EXPORTED = 'export ';
/** Before an overload signature's name (`function f(): T;`): the name of one of a function's declarations that has no body. */
const OVERLOAD = 'overload ';

/** A name of topLevelNames' set as the code spells it. */
function spelled(name: string): string {
  return name.slice(name.startsWith(EXPORTED) ? EXPORTED.length : name.startsWith(OVERLOAD) ? OVERLOAD.length : 0);
}

/** Every name a top-level statement binds in the module's scope or exports; `whole`: those a default or namespace import binds. */
function topLevelNames(statement: AnyNode, names: Set<string>, whole: Set<string>): void {
  switch (statement.type) {
    case 'ImportDeclaration':
      for (const specifier of statement.specifiers) {
        names.add(specifier.local.name);
        if (specifier.type !== 'ImportSpecifier') whole.add(specifier.local.name);
      }
      return;
    case 'ExportNamedDeclaration':
      if (statement.declaration) {
        // export function f() {}: binds f, and exports it
        const declared = new Set<string>();
        topLevelNames(statement.declaration, declared, whole);
        for (const name of declared) names.add(name).add(EXPORTED + spelled(name));
      }
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.exported) names.add(EXPORTED + (specifier.exported.name ?? specifier.exported.value));
        if (specifier.local && !statement.source) names.add(specifier.local.name ?? specifier.local.value);
      }
      return;
    case 'ExportDefaultDeclaration':
      names.add(`${EXPORTED}default`);
      if (statement.declaration.id) names.add(statement.declaration.id.name);
      return;
    case 'ExportAllDeclaration':
      if (statement.exported) names.add(EXPORTED + (statement.exported.name ?? statement.exported.value));
      return;
    case 'TSExportAssignment':
      names.add(`${EXPORTED}default`);
      return;
    case 'VariableDeclaration':
      for (const declarator of statement.declarations) for (const id of patternIdentifiers(declarator.id)) names.add(id.name);
      return;
    case 'TSDeclareFunction':
      // An overload's name: made a function with a body, it is declared anew (beside the one that has its body).
      if (statement.id?.type === 'Identifier') names.add(OVERLOAD + statement.id.name);
      return;
    case 'TSImportEqualsDeclaration':
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
    case 'TSModuleDeclaration':
      if (statement.id?.type === 'Identifier') names.add(statement.id.name);
      return;
  }
}
