/**
 * One file through the transforms: pre-filter, parse once, run each transform on the shared context,
 * render the import edits once, splice, and re-parse the result before anyone writes it.
 */
import { parseSource, SourceParseError } from './parse';
import { FileContext } from './file-context';
import type { FileResult, Finding } from './findings';
import type { Registry } from './registry-types';
import type { TransformDefinition } from './transform-api';
import { moduleKey } from './resolve';
import { mentionsRegistry } from './prefilter';
import { collectUsage } from './usage';

export interface TransformFileOptions {
  /** Absolute path of the file. */
  path: string;
  source: string;
  registry: Registry;
  /** Run in this order; normally TRANSFORM_ORDER. */
  transforms: TransformDefinition[];
  /** Skip files that cannot need work without parsing them (default true). */
  prefilter?: boolean;
  /** Also measure which symbols and legacy modules the file reaches, for `check`. */
  measureUsage?: boolean;
}

export function transformFile(options: TransformFileOptions): FileResult {
  const { path, source, registry, transforms } = options;
  const result = (status: FileResult['status'], findings: Finding[] = [], extra: Partial<FileResult> = {}): FileResult =>
    ({ file: path, status, findings, changedBy: [], sites: [], canonicalSites: 0, ...extra });

  // A legacy module is the compatibility layer and a canonical module the target: neither is rewritten.
  const ownKey = moduleKey(registry.resolver.moduleOfFile(path));
  if (registry.legacyModules.has(ownKey) || registry.canonicalModules.has(ownKey)) return result('skipped');
  if (options.prefilter !== false && !mentionsRegistry(registry, source, path)) return result('unchanged');

  let ast;
  try {
    ast = parseSource(source, path);
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    return result('failed', [{ file: path, line: error.line, column: error.column, kind: 'parse-error', message: error.reason }]);
  }
  const ctx = new FileContext(path, source, ast, registry);
  const usage = options.measureUsage ? collectUsage(ctx) : undefined;
  const changedBy = transforms.filter((transform) => transform.run(ctx)).map((t) => t.name);
  ctx.imports.render();
  const output = ctx.edits.apply(source);
  const done = { changedBy, sites: ctx.sites, canonicalSites: ctx.canonicalSites, usage };
  if (output === source) return result('unchanged', ctx.findings, done);
  try {
    parseSource(output, path);
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    const bug: Finding = {
      file: path, line: error.line, column: error.column, kind: 'transform-bug',
      message: `the rewritten file does not parse (${error.reason}); it was left as it was`,
    };
    return result('failed', [...ctx.findings, bug], done);
  }
  return result('changed', ctx.findings, { ...done, output });
}
