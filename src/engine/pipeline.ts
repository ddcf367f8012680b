/**
 * One file through the transforms: pre-filter, parse once, run each transform on the shared context,
 * render the import edits once, splice, and re-parse the result before anyone writes it.
 */
import { parseSource, SourceParseError } from '../languages/javascript/parse';
import { FileContext } from './file-context';
import type { FileResult, Finding } from './results';
import type { Registry } from '../registry/types';
import type { TransformDefinition } from '../transforms';
import { moduleKey } from '../languages/javascript/resolve';
import { basename } from 'node:path';
import { mentionsRegistry } from '../registry/prefilter';
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
  /**
   * Re-parse the output, the safety net (default true). Only `check`, which writes nothing and shows no
   * output, turns it off.
   */
  verifyOutput?: boolean;
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

/** A result builder for one file: nothing found and nothing changed unless given. */
export function resultFor(path: string) {
  return (status: FileResult['status'], findings: Finding[] = [], extra: Partial<FileResult> = {}): FileResult =>
    ({ file: path, status, findings, changedBy: [], sites: [], canonicalSites: 0, ...extra });
}

/**
 * The result of a file that needs no parse — a registry module's own file, or one the pre-filter skips —
 * or null when the file must be parsed. Cheap: a runner calls it before handing a file to a worker.
 */
export function preflight(options: Omit<TransformFileOptions, 'transforms'>): FileResult | null {
  const { path, source, registry } = options;
  // A legacy module is the compatibility layer and a canonical module the target: neither is rewritten.
  if (isRegistryModuleFile(registry, path)) return resultFor(path)('skipped');
  if (options.prefilter !== false && !mentionsRegistry(registry, source, path)) return resultFor(path)('unchanged');
  return null;
}

export function transformFile(options: TransformFileOptions): FileResult {
  const { path, source, registry, transforms } = options;
  const result = resultFor(path);
  const early = preflight(options);
  if (early) return early;

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
  const changed = result('changed', ctx.findings, { ...done, output });
  return options.verifyOutput === false ? changed : checkOutput(changed);
}

/**
 * The safety net: a rewritten file is parsed again, and one that does not parse becomes a failed result
 * with a `transform-bug` finding and no output, so it is never written.
 */
function checkOutput(result: FileResult): FileResult {
  if (result.status !== 'changed') return result;
  try {
    parseSource(result.output!, result.file);
    return result;
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    const bug: Finding = {
      file: result.file, line: error.line, column: error.column, kind: 'transform-bug',
      message: `the rewritten file does not parse (${error.reason}); it was left as it was`,
    };
    const { output: _unused, ...rest } = result;
    return { ...rest, status: 'failed', findings: [...result.findings, bug] };
  }
}
