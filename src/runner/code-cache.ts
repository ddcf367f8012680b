/**
 * V8's code cache for the modules every run loads: a run of a few seconds spent ~75 ms of CPU compiling
 * 1.8 MB of JavaScript (Babel's parser, ours, yargs), in every thread. Node 22 offers this as
 * `module.enableCompileCache`; Node 20, our runtime, does not, so the CommonJS loader's compile step is
 * wrapped the way v8-compile-cache wraps it.
 *
 * The cache is written by the build (scripts/write-code-cache.js, which runs the CLI on the bundled
 * example) into one file of the package, `dist/code-cache.bin`, and is only ever read at run time: nothing
 * is written outside the package, nor anywhere while a user's run goes on. Entries are found by the SHA-256
 * of a module's source, never by its path (V8 itself only checks a source's length): a module whose text
 * differs in one byte compiles as usual. V8 rejects data made by another version or under other flags,
 * and then the module compiles as usual too. Modules with no entry go through Node's own loader untouched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { sha256 } from '../shared/fs';

/** The pack the build writes: dist/code-cache.bin, beside dist/src. */
export const CODE_CACHE_FILE = path.join(__dirname, '..', '..', 'code-cache.bin');

/** How the modules of this thread were compiled. */
export interface CodeCacheStats {
  /** Compiled from the cache. */
  used: number;
  /** Had an entry that V8 refused (another V8, other flags): compiled as usual. */
  rejected: number;
  /** Had no entry: compiled by Node's own loader. */
  missed: number;
}

interface Pack {
  node: string;
  entries: Map<string, Buffer>;
}

interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  /** `format`: Node's own say of what the file is (`module` for ESM under `"type": "module"`), when it has one. */
  _compile(content: string, filename: string, format?: string): unknown;
}

interface ModuleInternals {
  prototype: LoaderModule;
  wrap(script: string): string;
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: LoaderModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

// The loader's constructor itself, whose `prototype` and statics an import namespace would not carry.
const Loader = require('node:module') as ModuleInternals;
const stats: CodeCacheStats = { used: 0, rejected: 0, missed: 0 };
let installed = false;

export function codeCacheStats(): CodeCacheStats {
  return { ...stats };
}

/**
 * Compile this thread's modules from the pack at `file` from now on. Does nothing when the pack is missing,
 * unreadable or made by another Node, or when Node maps stack traces to sources (`--enable-source-maps`,
 * which it does only for the modules it compiles itself). Returns whether it is in use.
 */
export function useCodeCache(file = CODE_CACHE_FILE): boolean {
  if (installed) return true;
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return false;
  const pack = readPack(file);
  if (!pack || pack.node !== process.version) return false;
  installed = true;
  const compile = Loader.prototype._compile;
  Loader.prototype._compile = function (this: LoaderModule, content: string, filename: string, format?: string): unknown {
    const cachedData = isCommonJs(format) ? pack.entries.get(sha256(content)) : undefined;
    if (!cachedData) {
      stats.missed++;
      return compile.call(this, content, filename, format);
    }
    const script = compiled(content, filename, cachedData);
    if (script.cachedDataRejected) stats.rejected++;
    else stats.used++;
    return run(this, script, filename);
  };
  return true;
}

/**
 * For the build only: compile every CommonJS module of this thread through vm.Script and, when `done` is
 * called (once the run has exercised them), write the code cache of each that `cacheable` accepts to `file`,
 * with the entries it already holds for other modules. `cacheable` must refuse a module that calls `import()`:
 * Node 20 loses a script's dynamic-import callback when the script comes from cached data, and the call would
 * fail (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); such a module is left to Node, every run. It is asked at the
 * end, when everything it needs is loaded (it may use a module it is asked about).
 */
export function recordCodeCache(file: string, cacheable: (content: string, filename: string) => boolean): { done: () => number } {
  const recorded: { key: string; script: vm.Script; content: string; filename: string }[] = [];
  const compile = Loader.prototype._compile;
  Loader.prototype._compile = function (this: LoaderModule, content: string, filename: string, format?: string): unknown {
    if (!/\.c?js$/.test(filename) || !isCommonJs(format)) return compile.call(this, content, filename, format);
    const script = compiled(content, filename);
    recorded.push({ key: sha256(content), script, content, filename });
    return run(this, script, filename);
  };
  return {
    done: () => {
      // The recording is over: what `cacheable` loads now is not part of the run.
      Loader.prototype._compile = compile;
      const entries = readPack(file)?.entries ?? new Map<string, Buffer>();
      for (const { key, script, content, filename } of recorded) if (cacheable(content, filename)) entries.set(key, script.createCachedData());
      writePack(file, { node: process.version, entries });
      return entries.size;
    },
  };
}

/** A file Node runs as CommonJS: its loader names the format, or names none (Node before 20.19). */
function isCommonJs(format: string | undefined): boolean {
  return format === undefined || format === 'commonjs';
}

function compiled(content: string, filename: string, cachedData?: Buffer): vm.Script {
  // Node strips a `#!` line; once wrapped it would no longer be the script's first line, so it becomes a comment.
  const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
  return new vm.Script(Loader.wrap(source), { filename, cachedData });
}

/** Runs the module's wrapper as Node's loader does, with a `require` of the module's own. */
function run(module: LoaderModule, script: vm.Script, filename: string): unknown {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const requireInModule = Object.assign((id: string) => module.require(id), {
    resolve: Object.assign((request: string, options?: unknown) => Loader._resolveFilename(request, module, false, options), {
      paths: (request: string) => Loader._resolveLookupPaths(request, module),
    }),
    main: require.main,
    extensions: Loader._extensions,
    cache: Loader._cache,
  });
  return wrapper.call(module.exports, module.exports, requireInModule, module, filename, path.dirname(filename));
}

/** `[u32 index length][index JSON][data…]`: the index names the Node version and each entry's span. */
function readPack(file: string): Pack | null {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
    const indexLength = data.readUInt32LE(0);
    const index = JSON.parse(data.subarray(4, 4 + indexLength).toString('utf8')) as { node: string; entries: [string, number, number][] };
    const base = 4 + indexLength;
    const entries = new Map(index.entries.map(([key, start, length]) => [key, data.subarray(base + start, base + start + length)]));
    return { node: index.node, entries };
  } catch {
    return null;
  }
}

function writePack(file: string, pack: Pack): void {
  const blobs: Buffer[] = [];
  const entries: [string, number, number][] = [];
  let offset = 0;
  for (const [key, blob] of pack.entries) {
    entries.push([key, offset, blob.length]);
    blobs.push(blob);
    offset += blob.length;
  }
  const index = Buffer.from(JSON.stringify({ node: pack.node, entries }), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(index.length, 0);
  fs.writeFileSync(file, Buffer.concat([header, index, ...blobs]));
}
