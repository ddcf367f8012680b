/**
 * How a file's module declarations are written, read rather than guessed: from the project's prettier
 * configuration when it has one (every form prettier accepts — `.prettierrc*`, `prettier.config.*`,
 * `package.json#prettier`, overrides per glob, `.editorconfig` as prettier reads it — resolved by the
 * project's own prettier for this file), else from `.editorconfig` (read by the `editorconfig` package),
 * else from the file itself. README: "How the output is formatted".
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside, realPathOr } from '../../shared/paths';
import { UserError } from '../../shared/errors';
import { projectTree } from '../../shared/repository';
import type { ImportDecl } from '../import-model';
import { prettierCheck, prettierConfig, prettierFormat, projectPrettier, type PrettierConfig } from './prettier';

export interface JsStyle {
  /** Where it was read: the project's prettier configuration, `.editorconfig`, or the file's own declarations. */
  source: 'prettier' | 'editorconfig' | 'file';
  /** A declaration longer than this (its indentation included) is broken, one name per line. */
  printWidth: number;
  /** One level of indentation: a tab, or `tabWidth` spaces. */
  indent: string;
  /** The columns a tab takes when a line is measured. */
  tabWidth: number;
  /** A comma after the last name of a list broken over lines. */
  trailingComma: boolean;
  /** The quote, semicolon and brace spacing the formatter writes; absent, a new declaration copies the one beside it. */
  quote?: "'" | '"';
  semi?: boolean;
  bracketSpacing?: boolean;
  /**
   * Whether the file is prettier's to lay out: the project has a prettier configuration, or has prettier
   * installed and the file passes its check as it is (asked only when it matters). Then a list prettier broke
   * over several lines (it did not fit on one) that fits on one once we change it is joined, as prettier
   * would join it; otherwise a declaration written over several lines stays so.
   */
  collapse: () => boolean;
  /**
   * `--format-with`: a statement we write, formatted by the project's own formatter, for a place
   * `indentColumns` in (its lines are indented by the caller; the width left is the print width less that).
   */
  format?: (statement: string, indentColumns: number) => string;
}

/** What the run asks of the style beyond reading it: `formatWith` is `--format-with` (`prettier` or `auto`). */
export interface StyleRequest {
  formatWith?: string;
  /** The project's tree: a prettier installed above it is not the project's (RenderOptions.tree). */
  tree?: string;
  /** RenderOptions.runMemo. */
  runMemo?: Map<string, unknown>;
}

/** The `.editorconfig` files read in a run, by path (those missing too), under this key of its memo. */
const EDITORCONFIG_MEMO = 'javascript:editorconfig';
/** Whether any `.editorconfig` applies to a folder, by folder, under this key. */
const EDITORCONFIG_PRESENT = 'javascript:editorconfig-present';
/** Folders' real paths, by folder, under this key. */
const REAL_FOLDERS = 'javascript:real-folders';
type EditorconfigCache = NonNullable<import('editorconfig').ParseOptions['cache']>;

/** prettier's own default width, and the width of a file that says nothing. */
const DEFAULT_WIDTH = 80;

/** Thrown when `--format-with prettier` meets a file whose project has no prettier installed. */
export class FormatterMissingError extends UserError {
  constructor(readonly where: string) {
    super(`--format-with prettier: prettier is not installed for ${where} inside its repository (the project's own is used, never a copy of ours nor one from a parent folder: npm install --save-dev prettier)`);
    this.name = 'FormatterMissingError';
  }
}

/** `--format-with prettier` in a project at `root`: null when its prettier is installed, else why not. */
export function formatterMissing(name: string, root: string): string | null | undefined {
  if (name !== 'prettier') return undefined;
  return projectPrettier(join(root, 'index.js'), projectTree(root)) ? null : new FormatterMissingError(root).message;
}

/** The style of the file at `path`, whose text is `text` and whose declarations are `decls`. */
export function readStyle(path: string, text: string, decls: readonly ImportDecl[], request: StyleRequest = {}): JsStyle {
  const entry = projectPrettier(path, request.tree);
  if (request.formatWith === 'prettier' && !entry) throw new FormatterMissingError(path);
  let config: PrettierConfig | null = null;
  if (entry) {
    try {
      config = prettierConfig(entry, path);
    } catch {
      // A configuration prettier itself cannot read fails the project's own check; the file's style is read instead.
      config = null;
    }
  }
  const options = { ...config?.defaults, ...config?.options };
  const width = typeof options.printWidth === 'number' ? options.printWidth : DEFAULT_WIDTH;
  const format = entry && request.formatWith
    ? (statement: string, indentColumns: number) =>
      prettierFormat(entry, statement, { ...config?.options, filepath: path, printWidth: Math.max(1, width - indentColumns) })
    : undefined;
  if (config?.configFile) return { ...fromPrettier(options), format };
  let passes: boolean | undefined;
  const collapse = (): boolean => (passes ??= entry !== null && prettierCheck(entry, text, { ...config?.options, filepath: path }));
  return { ...fromEditorconfig(path, inferFromFile(text, decls), request), collapse, format };
}

function fromPrettier(options: Record<string, unknown>): JsStyle {
  const tabWidth = typeof options.tabWidth === 'number' ? options.tabWidth : 2;
  return {
    source: 'prettier',
    printWidth: typeof options.printWidth === 'number' ? options.printWidth : DEFAULT_WIDTH,
    tabWidth,
    indent: options.useTabs === true ? '\t' : ' '.repeat(tabWidth),
    trailingComma: options.trailingComma !== 'none',
    quote: options.singleQuote === true ? "'" : '"',
    semi: options.semi !== false,
    bracketSpacing: options.bracketSpacing !== false,
    collapse: () => true,
  };
}

/**
 * `.editorconfig`'s `max_line_length`, `indent_style`, `indent_size` and `tab_width`, over what the file shows.
 * Read from the file's folder up to the project's tree and no further, as prettier stops at the project's
 * root: one in a parent folder (a home folder's) is not the project's. None is read when there is no tree
 * (`check`, whose output nobody sees). The files read are kept for the run (`runMemo`).
 */
function fromEditorconfig(path: string, file: JsStyle, request: StyleRequest): JsStyle {
  const { tree, runMemo } = request;
  if (tree === undefined) return file;
  // The tree is a real path (a link above the project resolved); so must the file's folder be, to be compared
  // (found once per folder: a file the engine is given is no link, discovery having followed those).
  const realDirs = memoOf<string>(runMemo, REAL_FOLDERS);
  const dir = dirname(path);
  let realDir = realDirs.get(dir);
  if (realDir === undefined) realDirs.set(dir, (realDir = realPathOr(dir)));
  const real = join(realDir, basename(path));
  if (!isInside(tree, real)) return file;
  const root = resolve(tree);
  if (!editorconfigAbove(realDir, root, memoOf<boolean>(runMemo, EDITORCONFIG_PRESENT))) return file;
  const cache: EditorconfigCache = memoOf(runMemo, EDITORCONFIG_MEMO);
  let props: Record<string, unknown>;
  try {
    // Loaded here, for the first import written without a prettier configuration: most files never need it.
    props = (require('editorconfig') as typeof import('editorconfig')).parseSync(real, { root, cache }) as Record<string, unknown>;
  } catch {
    return file;
  }
  const width = typeof props.max_line_length === 'number' ? props.max_line_length : undefined;
  const tabs = props.indent_style === 'tab' ? true : props.indent_style === 'space' ? false : undefined;
  const size = typeof props.indent_size === 'number' ? props.indent_size : typeof props.tab_width === 'number' ? props.tab_width : undefined;
  if (width === undefined && tabs === undefined && size === undefined) return file;
  const tabWidth = typeof props.tab_width === 'number' ? props.tab_width : size ?? file.tabWidth;
  const useTabs = tabs ?? file.indent === '\t';
  return {
    ...file,
    source: 'editorconfig',
    printWidth: width ?? file.printWidth,
    tabWidth,
    indent: useTabs ? '\t' : size !== undefined ? ' '.repeat(size) : file.indent,
  };
}

/** Whether a `.editorconfig` lies in `dir` or a folder above it up to `root`: without one, the package is not even loaded. */
function editorconfigAbove(dir: string, root: string, memo: Map<string, boolean>): boolean {
  let present = memo.get(dir);
  if (present === undefined) {
    present = existsSync(join(dir, '.editorconfig')) || (dir !== root && dirname(dir) !== dir && editorconfigAbove(dirname(dir), root, memo));
    memo.set(dir, present);
  }
  return present;
}

/** The map kept under `key` of the run's memo (a fresh one, kept nowhere, without a memo). */
function memoOf<T>(runMemo: Map<string, unknown> | undefined, key: string): Map<string, T> {
  let memo = runMemo?.get(key) as Map<string, T> | undefined;
  if (!memo) {
    memo = new Map();
    runMemo?.set(key, memo);
  }
  return memo;
}

/**
 * What the file itself shows: the indentation and trailing comma of a list it writes over several lines (else
 * its first indented line, and a comma, as prettier's defaults have it), and a width of 80 unless it writes a
 * list that could be broken on one longer line (then that line's length: the file does not break at 80).
 */
export function inferFromFile(text: string, decls: readonly ImportDecl[]): JsStyle {
  let width = DEFAULT_WIDTH;
  let indent: string | undefined;
  let trailingComma: boolean | undefined;
  for (const decl of decls) {
    if (!decl.span) continue;
    const named = decl.specs.filter((s) => s.kind === 'named');
    if (named.length === 0) continue;
    const lineStart = text.lastIndexOf('\n', decl.span.start - 1) + 1;
    const declIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const first = named[0].span!;
    const open = text.lastIndexOf('{', first.start);
    if (text.slice(open, first.start).includes('\n')) {
      const specLine = text.lastIndexOf('\n', first.start - 1) + 1;
      const specIndent = text.slice(specLine, first.start);
      if (indent === undefined && /^[ \t]+$/.test(specIndent) && specIndent.startsWith(declIndent)) indent = specIndent.slice(declIndent.length) || undefined;
      trailingComma ??= /^\s*,/.test(text.slice(named[named.length - 1].span!.end));
    } else if (named.length > 1 || decl.specs.length > named.length || decl.form === 'require') {
      const lineEnd = text.indexOf('\n', decl.span.end);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
      width = Math.max(width, line.length);
    }
  }
  indent ??= firstIndentation(text);
  return { source: 'file', printWidth: width, tabWidth: indent === '\t' ? 2 : indent.length, indent, trailingComma: trailingComma ?? true, collapse: () => false };
}

/** The indentation of the file's first indented line that is no comment's continuation; two spaces if none. */
function firstIndentation(text: string): string {
  const match = /^(\t|[ ]+)(?![ \t*])\S/m.exec(text);
  return match ? match[1] : '  ';
}

/** The columns `line` takes on screen, a tab counting `tabWidth`. */
export function columns(line: string, tabWidth: number): number {
  let width = 0;
  for (const ch of line) width += ch === '\t' ? tabWidth : 1;
  return width;
}
