/**
 * A rewrite that only repoints imports needs the file's import prologue, not its body: on TypeORM's
 * sources the 53 files that change hold 2.3 MB, of which their imports are a few KB (issue 15). So `apply`
 * (and `check`, which measures the same imports) first parses only the prologue — the leading `import` and `export … from` statements, with the
 * directives, comments and blank lines up to the first other statement — when nothing after it can matter:
 *
 * - the rest holds nothing shaped like a module reference: no `import` where a statement starts, no
 *   `import(` or `import.`, no `require(` (or `.`, `<`, or `)`: `(require)('x')`), no `jest.` or `vi.` (a
 *   mock), no `module '…'` (`declare module`) and no re-export (`export … from '…'`), comments (ended by
 *   any line terminator) allowed between the words, also once its `\u` escapes are read. Comments and strings are not told apart from code: a file whose
 *   comments say "require(…)" is parsed whole, never the other way round;
 * - the rest cannot run on into the prologue's last statement (`with {…}` import attributes);
 * - the rest holds no merge conflict's markers nor an undecodable byte (U+FFFD): a body that plainly does
 *   not parse is parsed whole, and its error reported;
 * - and what a transform then asks of the file's scopes (a rename, a `new`, an alias) throws
 *   WholeFileNeeded: the engine parses the file whole and starts it again. Where that is sure to happen, the
 *   file is parsed whole at once (ScopeNeeds): a rest that names a legacy name a transform rewrites in place,
 *   and a prologue that imports a class with a construct rule, or a registry name under an alias (20,000
 *   files: 246 of 1,002 prologues parsed in vain before, and the transforms run on them twice).
 *
 * What the prologue alone cannot see: a syntax error after it. `apply` then repoints the imports of a file
 * that does not parse as a whole (it did not before either), and `check` counts them; neither reports it
 * (the project's compiler does).
 */
import type { File, ImportDeclaration } from '@babel/types';
import type { ScopeNeeds } from '../language';
import { parseSourceWithSettings, type ParseSettings } from './parse';
import { lineEnd, skipTrivia } from './trivia';
import { identifierPattern } from './alias-test';

/**
 * What after the prologue may begin a module reference that only the whole file shows: `/*` is a comment
 * between, `)` the end of parentheses around the word (`(require)('x')` calls require).
 */
const NAMES_A_MODULE = /\brequire\s*(?:[(.<!?)]|\/[/*])|\bimport\s*(?:[(.]|\/[/*])|(?:^|[;}]|\*\/)\s*import\b|\b(?:jest|vi)\s*(?:[.?)]|\/[/*])/m;
const WORD_MODULE = /\bmodule\b/g;
const WORD_EXPORT = /\bexport\b/g;
/** `<<<<<<< HEAD`, `=======`, `>>>>>>> theirs`, and what a byte that is not UTF-8 was read as. */
const PLAINLY_BROKEN = /^(?:<{7}|>{7})(?: |$)|^={7}$|\ufffd/m;
/** Where a scan cannot tell the form (a word with a character it does not know): the whole file decides. */
const UNKNOWN = -2;

const PROLOGUE_STATEMENTS = new Set(['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration']);

export interface ParsedHead {
  ast: File;
  settings: ParseSettings;
  /** Where the prologue ends: the first other statement's start (or the text's end). */
  end: number;
}

/** The file's import prologue, parsed; null when the whole file must be parsed (see above). */
export function parseHead(text: string, filePath: string, needs?: ScopeNeeds): ParsedHead | null {
  const end = prologueEnd(text);
  if (end === null) return null;
  const rest = text.slice(end);
  // (the names first: where the rest uses one, it is parsed whole whatever else it holds, and its scan is cheaper)
  if (namesUsedIn(needs?.rewrittenInPlace ?? [], rest) || restNeedsWholeFile(rest)) return null;
  let parsed: { ast: File; settings: ParseSettings };
  try {
    parsed = parseSourceWithSettings(text.slice(0, end), filePath);
  } catch {
    // The whole file's parse gives the verdict, and the message.
    return null;
  }
  const body = parsed.ast.program.body;
  if (body.length === 0) return null;
  for (const statement of body) {
    if (!PROLOGUE_STATEMENTS.has(statement.type)) return null;
    // export const a = 1 is the body's; export { a } from './a' is the prologue's
    if (statement.type === 'ExportNamedDeclaration' && (!statement.source || statement.declaration)) return null;
    // An import a transform will ask the scopes about: the whole file at once, not after the transforms started.
    if (needs && statement.type === 'ImportDeclaration' && statement.specifiers.some((specifier) => asksScopes(specifier, needs))) return null;
  }
  return { ...parsed, end };
}

function asksScopes(specifier: ImportDeclaration['specifiers'][number], needs: ScopeNeeds): boolean {
  if (specifier.type === 'ImportNamespaceSpecifier') return false;
  const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default'
    : specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
  return needs.importAsksScopes(imported, specifier.local.name);
}

const namePatterns = new WeakMap<readonly string[], RegExp>();

/** Whether one of `names` stands in `rest` as a whole identifier (the pattern made once per list). */
function namesUsedIn(names: readonly string[], rest: string): boolean {
  if (names.length === 0) return false;
  let pattern = namePatterns.get(names);
  if (!pattern) namePatterns.set(names, (pattern = identifierPattern(names)));
  return pattern.test(rest);
}

/** Whether the text after the prologue may hold a module reference or a re-export, or plainly not parse (see above). */
export function restNeedsWholeFile(rest: string): boolean {
  // \u0072equire('x') is a require call (\u{0000072} too: any number of zeros); a string's "\u0000" names nothing.
  const read = rest.includes('\\u') ? rest.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, braced, plain) => codePoint(braced ?? plain)) : rest;
  // (the words first: a plain search is cheaper than the pattern on most bodies, which hold none of them)
  const mayName = read.includes('import') || read.includes('require') || read.includes('jest') || read.includes('vi');
  if ((mayName && NAMES_A_MODULE.test(read)) || PLAINLY_BROKEN.test(rest)) return true;
  // declare module 'x' {}, with comments or not before the string
  for (const match of read.matchAll(WORD_MODULE)) {
    // "module" is a string's text, not the keyword before one
    if (/['"`]/.test(read[match.index! - 1] ?? '')) continue;
    const quote = read[skipTrivia(read, match.index! + 6)];
    if (quote === '"' || quote === "'" || quote === '`') return true;
  }
  // export { a } from 'x', export * as ns from 'x', export v from 'x'
  for (const match of read.matchAll(WORD_EXPORT)) if (moduleStringEnd(read, match.index! + 6) !== -1) return true;
  return false;
}

function codePoint(hex: string): string {
  const value = parseInt(hex, 16);
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

/**
 * Where the import prologue ends, found by a scan of its tokens: the start of the first statement that is
 * not `import … 'm'` or `export {…} / * … from 'm'` (directives and comments before it included). Null
 * when there is no such statement, or an import has attributes. The parse of what it returns confirms it.
 */
export function prologueEnd(text: string): number | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', pos)) pos = lineEnd(text, pos);
  let statements = 0;
  let directivesAllowed = true;
  for (;;) {
    pos = skipTrivia(text, pos);
    if (pos >= text.length) return statements > 0 ? text.length : null;
    const start = pos;
    let end = -1;
    let directive = false;
    const word = wordAt(text, pos);
    if (word === 'import') {
      const next = skipTrivia(text, pos + word.length);
      // import('x') and import.meta are expressions: the body
      if (text[next] !== '(' && text[next] !== '.') end = moduleStringEnd(text, next);
    } else if (word === 'export') {
      let next = skipTrivia(text, pos + word.length);
      if (wordAt(text, next) === 'type') next = skipTrivia(text, next + 4);
      if (text[next] === '{' || text[next] === '*') end = moduleStringEnd(text, next);
    } else if (directivesAllowed && (text[pos] === '"' || text[pos] === "'")) {
      // 'use client'; before the imports
      end = stringEnd(text, pos);
      directive = true;
    }
    if (end < 0) return statements > 0 ? start : null;
    if (!directive) {
      directivesAllowed = false;
      statements++;
    }
    // The statement takes a `;` after comments and line breaks too (`from 'm'\n;`), as the parser does.
    const next = skipTrivia(text, end);
    if (text[next] === ';') pos = next + 1;
    else if (/^(?:with|assert)\b/.test(text.slice(next, next + 7))) return null;
    else pos = end;
  }
}

/**
 * From an import's or re-export's clause, the end of its module string: `{ a, "b" as c } from 'm'`,
 * `* as ns from 'm'`, `'m'` (a side-effect import); -1 at anything else, UNKNOWN where it cannot tell.
 */
function moduleStringEnd(text: string, pos: number): number {
  let previous: string | null = null;
  let first = true;
  for (;;) {
    pos = skipTrivia(text, pos);
    const c = text[pos];
    if (c === '"' || c === "'") {
      const end = stringEnd(text, pos);
      if (end < 0 || first || previous === 'from') return end;
      pos = end;
      previous = null;
    } else if (c === '{' || c === '}' || c === ',' || c === '*') {
      pos++;
      previous = null;
    } else {
      const word = wordAt(text, pos);
      if (word === undefined) return UNKNOWN;
      if (word === null) return -1;
      pos += word.length;
      previous = word;
    }
    first = false;
  }
}

/** The end of the string literal opening at `pos`, or -1 where it breaks a line or never closes. */
function stringEnd(text: string, pos: number): number {
  const quote = text[pos];
  for (let i = pos + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return i + 1;
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

const WORD = /[A-Za-z_$][\w$]*/y;

/** The ASCII word at `pos`; null where none starts; undefined where one may, in characters it does not know (é, \u). */
function wordAt(text: string, pos: number): string | null | undefined {
  const unknown = (at: number) => /[^\s\x21-\x7e]|\\/.test(text[at] ?? '');
  WORD.lastIndex = pos;
  const match = WORD.exec(text);
  if (!match) return unknown(pos) ? undefined : null;
  return unknown(pos + match[0].length) ? undefined : match[0];
}
