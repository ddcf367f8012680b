import { parse, type ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';
import { SourceParseError } from '../language';

export { SourceParseError };

/** Syntax that real codebases use and that every file may contain, whatever its extension. */
const COMMON_PLUGINS: ParserPlugin[] = [
  'decoratorAutoAccessors',
  'deprecatedImportAssert',
  'explicitResourceManagement',
  'sourcePhaseImports',
  'deferredImportEvaluation',
];

/**
 * Legacy decorators accept constructor-parameter decorators and `@dec export class`; the TC39 setting
 * accepts `export @dec class`. No single setting takes all three, so each file gets the first that parses.
 */
const DECORATOR_SETTINGS: ParserPlugin[] = ['decorators-legacy', ['decorators', {}]];

export type SourceLanguage = 'ts' | 'tsx' | 'dts' | 'js';

export function languageOf(filePath: string): SourceLanguage {
  if (/\.d\.[mc]?ts$/i.test(filePath)) return 'dts';
  if (/\.[mc]?ts$/i.test(filePath)) return 'ts';
  if (/\.tsx$/i.test(filePath)) return 'tsx';
  return 'js';
}

/** `.ts` files may hold `<T>value` casts, so JSX is enabled only where the extension allows it. */
function pluginsFor(language: SourceLanguage, decorators: ParserPlugin): ParserPlugin[] {
  switch (language) {
    case 'ts':
      return ['typescript', decorators, ...COMMON_PLUGINS];
    case 'dts':
      return [['typescript', { dts: true }], decorators, ...COMMON_PLUGINS];
    case 'tsx':
      return ['typescript', 'jsx', decorators, ...COMMON_PLUGINS];
    case 'js':
      return ['jsx', decorators, 'exportDefaultFrom', ...COMMON_PLUGINS];
  }
}

function attempt(text: string, plugins: ParserPlugin[], sourceType: 'module' | 'script'): File {
  return parse(text, {
    sourceType,
    plugins,
    createImportExpressions: true,
    allowReturnOutsideFunction: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    attachComment: false,
    tokens: false,
  });
}

/** The parser setting a file parsed under: what a part of its rewrite is parsed under again. */
export interface ParseSettings {
  sourceType: 'module' | 'script';
  decorators: ParserPlugin;
}

/**
 * Parse a file with the parser settings its extension calls for. Offsets in the result index `text`
 * as given (a BOM, if any, included), which is what byte-range edits are spliced into.
 * Throws SourceParseError naming file:line:column when no setting parses it.
 */
export function parseSource(text: string, filePath: string): File {
  return parseSourceWithSettings(text, filePath).ast;
}

/** parseSource, and the setting that parsed the file. */
export function parseSourceWithSettings(text: string, filePath: string): { ast: File; settings: ParseSettings } {
  const language = languageOf(filePath);
  let firstError: { line: number; column: number; reason: string } | undefined;
  for (const sourceType of ['module', 'script'] as const) {
    for (const decorators of DECORATOR_SETTINGS) {
      try {
        return { ast: attempt(text, pluginsFor(language, decorators), sourceType), settings: { sourceType, decorators } };
      } catch (error) {
        if (!firstError) firstError = describeParserError(error);
      }
    }
  }
  const { line, column, reason } = firstError!;
  throw new SourceParseError(filePath, line, column, reason);
}

/** Parse `text` under one setting only (that of the file it comes from); throws the parser's error. */
export function parseUnder(text: string, filePath: string, settings: ParseSettings): File {
  return attempt(text, pluginsFor(languageOf(filePath), settings.decorators), settings.sourceType);
}

function describeParserError(error: unknown): { line: number; column: number; reason: string } {
  const e = error as { loc?: { line: number; column: number }; message?: string; reasonCode?: string };
  const line = e.loc?.line ?? 1;
  const column = (e.loc?.column ?? 0) + 1;
  // Babel appends "(line:column)" to its messages; the position is reported separately.
  const reason = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return { line, column, reason };
}
