/**
 * One file through the transforms: pre-filter, parse once (through the file's language), run each
 * transform on the shared context, write the import edits once, splice, and — when the output is meant
 * to be written — parse the result again before anyone writes it. Whatever goes wrong in one file is
 * that file's result: a parse error, two edits that collide, a transform that throws.
 */
import { basename } from 'node:path';
import { moduleKey, SourceParseError, WholeFileNeeded, type ModuleSystem, type ScopeNeeds, type SourceFile } from '../languages/language';
import type { Registry } from '../registry/types';
import { mayNeedRewrite, mentionsRegistry } from '../registry/prefilter';
import type { Transform } from './transform';
import { FileContext } from './file-context';
import type { FileResult, Finding } from './results';
import { collectUsage } from './usage';
import { projectTree } from '../shared/repository';

/**
 * What a run is for. `rewrite` (apply, the jscodeshift face, the library): the output is kept and, as it
 * may be written, parsed again first; a file with nothing to rewrite (it names canonical modules only, and
 * aliases none of their names) is not parsed. `measure` (check): what the file reaches is measured before
 * any rewrite, and the output, which nobody writes or shows, is neither kept nor parsed again. Both read a
 * file alike: its import prologue alone when nothing after it can matter (javascript/prologue.ts), so that
 * what check counts is what apply sees.
 */
export type RunMode = 'rewrite' | 'measure';

export interface TransformFileOptions {
  /** Absolute path of the file. */
  path: string;
  source: string;
  registry: Registry;
  /** Run in this order; normally every transform of the table (selectTransforms()). */
  transforms: readonly Transform[];
  /** Skip files that cannot need work without parsing them (default true). */
  prefilter?: boolean;
  /**
   * The run's discovery met no link in the tree: the pre-filter may then tell a legacy module from a
   * canonical one of the same file name by its folder (default false: a link could name the folder otherwise).
   */
  linkFree?: boolean;
  /** Default `rewrite`. */
  mode?: RunMode;
  /** `--format-with`: the declarations written are also formatted by the project's formatter (`prettier`, or `auto`). */
  formatWith?: string;
  /** Parse every file whole, never its import prologue alone first (for the tests that hold the two equal). */
  wholeFiles?: boolean;
}

/**
 * Whether a file is left as it is for being a registry module's own: a legacy module always (it is the
 * compatibility layer); a canonical module unless its language rewrites those (Python: a canonical module
 * may import another through a shim; what would point back at the file itself is left and reported).
 * Only a file named like a registry module needs its real path looked up.
 */
function isRegistryModuleFile(registry: Registry, file: string): boolean {
  if (!registry.moduleFileNames.has(basename(file))) return false;
  const key = moduleKey(registry.resolver.moduleOfFile(file));
  if (registry.legacyModules.has(key)) return true;
  return registry.canonicalModules.has(key) && !registry.resolver.systemForFile(file).language.rewritesCanonicalModules;
}

/** A result builder for one file: nothing found and nothing changed unless given. */
export function resultFor(path: string) {
  return (status: FileResult['status'], findings: Finding[] = [], extra: Partial<FileResult> = {}): FileResult =>
    ({ file: path, status, findings, changedBy: [], sites: [], canonicalSites: 0, ...extra });
}

/** A file left as it was because of a bug of ours: `transform-bug` at 1:1, naming what failed. */
export function failedByBug(path: string, message: string): FileResult {
  return resultFor(path)('failed', [{ file: path, line: 1, column: 1, kind: 'transform-bug', message }]);
}

/**
 * The result of a file that needs no parse — a registry module's own file, or one the pre-filter skips —
 * or null when the file must be parsed. Cheap: a runner calls it before handing a file to a worker.
 */
export function preflight(options: Omit<TransformFileOptions, 'transforms'>): FileResult | null {
  const { path, source, registry } = options;
  // A legacy module is the compatibility layer and a canonical module the target: neither is rewritten.
  if (isRegistryModuleFile(registry, path)) return resultFor(path)('skipped');
  if (options.prefilter !== false) {
    // A rewrite needs a legacy module or an alias; a measure also counts a file's canonical imports.
    const mayNeedWork = (options.mode ?? 'rewrite') === 'rewrite'
      ? mayNeedRewrite(registry, source, path, options.linkFree)
      : mentionsRegistry(registry, source, path);
    if (!mayNeedWork) return resultFor(path)('unchanged');
  }
  return null;
}

export function transformFile(options: TransformFileOptions): FileResult {
  const { path, source, registry } = options;
  const early = preflight(options);
  if (early) return early;

  const system = registry.resolver.systemForFile(path);
  const language = system.language;
  // The import prologue alone first (javascript/prologue.ts); the file, whole, if a transform asks for more.
  if (!options.wholeFiles && language.parseHead) {
    let head: SourceFile | null;
    try {
      head = language.parseHead(path, source, scopeNeedsOf(registry));
    } catch (error) {
      return crashed(path, 'the parser', error);
    }
    const done = head && runTransforms(head, options, system);
    if (done) return done;
  }
  let file: SourceFile;
  try {
    file = language.parse(path, source, system);
  } catch (error) {
    if (!(error instanceof SourceParseError)) return crashed(path, 'the parser', error);
    return resultFor(path)('failed', [{ file: path, line: error.line, column: error.column, kind: 'parse-error', message: error.reason }]);
  }
  return runTransforms(file, options, system)!;
}

const scopeNeeds = new WeakMap<Registry, ScopeNeeds>();

/**
 * What tells, from a file's import prologue, that its transforms will ask for its scopes (ScopeNeeds). One
 * per registry. Rewritten in place: the legacy names with a construct rule (`new Legacy()`) and those whose
 * canonical name differs (a rename). Asking whatever the rest holds: an import of one of those (each `new`
 * of it is looked for; a renamed one is imported under an alias once repointed), and a registry name
 * imported under an alias (aliased-imports asks whether the canonical name is free in the whole file).
 */
function scopeNeedsOf(registry: Registry): ScopeNeeds {
  let needs = scopeNeeds.get(registry);
  if (!needs) {
    const rewritten = new Set<string>();
    const constructed = new Set<string>();
    const registryNames = new Set<string>();
    for (const legacy of registry.legacyByModule.values()) {
      for (const symbol of legacy.values()) {
        registryNames.add(symbol.name);
        if (symbol.construct) constructed.add(symbol.name);
        if (symbol.name !== 'default' && (symbol.construct || symbol.canonical.name !== symbol.name)) rewritten.add(symbol.name);
      }
    }
    for (const canonical of registry.canonicalByModule.values()) for (const name of canonical.keys()) registryNames.add(name);
    needs = {
      rewrittenInPlace: [...rewritten],
      importAsksScopes: (imported, local) =>
        constructed.has(imported) || rewritten.has(imported) || (imported !== local && imported !== 'default' && registryNames.has(imported)),
    };
    scopeNeeds.set(registry, needs);
  }
  return needs;
}

/** The transforms on one parsed file, the edits spliced and checked; null when it was read in part and more is needed. */
function runTransforms(file: SourceFile, options: TransformFileOptions, system: ModuleSystem): FileResult | null {
  const { path, source, registry, transforms } = options;
  const mode = options.mode ?? 'rewrite';
  const result = resultFor(path);
  let ctx: FileContext | undefined;
  let stage = 'the engine';
  const changedBy: string[] = [];
  let usage;
  try {
    // check (measure) writes nothing, so it loads no formatter of the project's: no code of the repository runs.
    const run = runOf(registry);
    ctx = new FileContext(file, registry, { formatWith: options.formatWith, tree: mode === 'measure' ? undefined : run.tree, runMemo: run.memo });
    usage = mode === 'measure' ? collectUsage(ctx) : undefined;
    for (const transform of transforms) {
      stage = `the ${transform.name} transform`;
      ctx.startTransform(transform.name);
      if (transform.run(ctx)) changedBy.push(transform.name);
    }
    stage = 'the import writer';
    ctx.writeImports();
  } catch (error) {
    if (error instanceof WholeFileNeeded) return null;
    return crashed(path, stage, error);
  }

  const spliced = ctx.edits.splice(source);
  if ('overlap' in spliced) {
    const [first, second] = spliced.overlap;
    const where = ctx.positionOf(second);
    const who = first.by === second.by ? first.by : `${first.by} and ${second.by}`;
    return failedByBug(path, `edits by ${who} overlap at ${where.line}:${where.column}; the file was left as it was`);
  }
  const { output, edits } = spliced;
  const done = { changedBy, sites: ctx.sites, canonicalSites: ctx.canonicalSites, usage };
  if (output === source) return result('unchanged', ctx.findings, done);
  const changed = result('changed', ctx.findings, { ...done, output, edits: edits.map(({ start, end, text }) => ({ start, end, text })) });
  if (mode === 'measure' || file.confirmsRewrite?.(output, edits)) return changed;
  return checkOutput(changed, system);
}

/**
 * Any exception while one file is processed is that file's failure, named as ESLint names a rule. A stack
 * overflow is the file's depth (an 800 KB member chain), not a bug in the stage, and is said so.
 */
export function crashed(path: string, stage: string, error: unknown): FileResult {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Named, not instanceof: the error may come from another realm (the time limit's vm context).
  const tooDeep = (error as Error | null)?.name === 'RangeError' && /call stack/i.test((error as Error).message);
  return failedByBug(path, tooDeep
    ? `the file nests too deeply for ${stage} (${reason}); it was left as it was`
    : `${stage} failed on this file (${reason.replace(/\s*[\r\n]+\s*/g, ' ')}); it was left as it was`);
}

/**
 * The safety net: a rewritten file that its language cannot prove sound from the statements the edits
 * touched (`confirmsRewrite`) is parsed again as a whole, and one that does not parse becomes a failed
 * result with a `transform-bug` finding and no output, so it is never written.
 */
function checkOutput(result: FileResult, system: ModuleSystem): FileResult {
  try {
    system.language.parse(result.file, result.output!, system);
    return result;
  } catch (error) {
    if (!(error instanceof SourceParseError)) return crashed(result.file, 'the parser', error);
    const bug: Finding = {
      file: result.file, line: error.line, column: error.column, kind: 'transform-bug',
      message: `the rewritten file does not parse (${error.reason}); it was left as it was`,
    };
    const { output: _output, edits: _edits, ...rest } = result;
    return { ...rest, status: 'failed', findings: [...result.findings, bug] };
  }
}

const runs = new WeakMap<Registry, { tree: string; memo: Map<string, unknown> }>();

/** The registry's project tree, and the languages' memo for the run: found once per registry, not once per file. */
function runOf(registry: Registry): { tree: string; memo: Map<string, unknown> } {
  let run = runs.get(registry);
  if (run === undefined) runs.set(registry, (run = { tree: projectTree(registry.root), memo: new Map() }));
  return run;
}
