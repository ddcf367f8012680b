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
import { basename } from 'node:path';
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

const registryFileNames = new WeakMap<Registry, Set<string>>();

/** Whether a file is a legacy or canonical module; only a file named like one needs its real path looked up. */
function isRegistryModuleFile(registry: Registry, file: string): boolean {
  let names = registryFileNames.get(registry);
  if (!names) {
    names = new Set([...registry.legacyModules, ...registry.canonicalModules].map((key) => basename(key)));
    registryFileNames.set(registry, names);
  }
  if (!names.has(basename(file))) return false;
  const key = moduleKey(registry.resolver.moduleOfFile(file));
  return registry.legacyModules.has(key) || registry.canonicalModules.has(key);
}

export function transformFile(options: TransformFileOptions): FileResult {
  const { path, source, registry, transforms } = options;
  const result = (status: FileResult['status'], findings: Finding[] = [], extra: Partial<FileResult> = {}): FileResult =>
    ({ file: path, status, findings, changedBy: [], sites: [], canonicalSites: 0, ...extra });

  // A legacy module is the compatibility layer and a canonical module the target: neither is rewritten.
  if (isRegistryModuleFile(registry, path)) return result('skipped');
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
