/**
 * The build's code cache (src/runner/code-cache.ts): a module compiles from it only when its text is the
 * text the entry was made from, behaves as it would without it, and the pack the build wrote is one this
 * Node accepts under the CLI's V8 flags. Node's loader is only wrapped in a real Node process (jest loads
 * modules its own way), so each case runs the built module in a child process.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const DIST = path.join(__dirname, '..', '..', 'dist');
const CODE_CACHE = path.join(DIST, 'src', 'runner', 'code-cache.js');
/** The build's script, whose `cacheable` decides which modules the pack may hold. */
const WRITER = path.join(__dirname, '..', '..', 'scripts', 'write-code-cache.js');

/** Runs `body` in a child Node with the built code-cache module as `cc`; returns what it printed as JSON. */
function inChild(body: string, nodeOptions: string[] = []): unknown {
  const script = `const cc = require(${JSON.stringify(CODE_CACHE)});\n${body}`;
  const run = spawnSync(process.execPath, [...nodeOptions, '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** A module and a pack recorded from it (1 entry, or none if the build would not cache it), in a folder of their own. */
function recorded(source: string, expected = 1): { module: string; pack: string } {
  const dir = makeTempDir('ssot-code-cache-');
  const module = path.join(dir, 'module.js');
  const pack = path.join(dir, 'pack.bin');
  fs.writeFileSync(module, source);
  const entries = inChild(`
    const recorder = cc.recordCodeCache(${JSON.stringify(pack)}, require(${JSON.stringify(WRITER)}).cacheable);
    require(${JSON.stringify(module)}).answer();
    console.log(JSON.stringify(recorder.done()));
  `);
  expect(entries).toBe(expected);
  return { module, pack };
}

/** Loads `module` with the pack in use; what it exports, how it was compiled, and a stack it throws. */
function loaded(module: string, pack: string): { used: boolean; answer: number; stats: unknown; stack: string } {
  return inChild(`
    const used = cc.useCodeCache(${JSON.stringify(pack)});
    const loaded = require(${JSON.stringify(module)});
    let stack = '';
    try { loaded.fail(); } catch (error) { stack = error.stack; }
    console.log(JSON.stringify({ used, answer: loaded.answer(), stats: cc.codeCacheStats(), stack }));
  `) as { used: boolean; answer: number; stats: unknown; stack: string };
}

const SOURCE = `#!/usr/bin/env node
'use strict';
exports.answer = () => 41 + 1;
exports.fail = () => { throw new Error('line 4'); };
exports.self = require.resolve(__filename) === __filename && module.exports === exports;
`;

describe('the code cache', () => {
  it('compiles a module from its entry, which then behaves as compiled by Node (a #! line, require, a stack)', () => {
    const { module, pack } = recorded(SOURCE);
    const result = loaded(module, pack);
    expect(result).toMatchObject({ used: true, answer: 42, stats: { used: 1, rejected: 0, missed: 0 } });
    expect(result.stack).toContain(`${module}:4:`);
    const self = inChild(`cc.useCodeCache(${JSON.stringify(pack)}); console.log(JSON.stringify(require(${JSON.stringify(module)}).self));`);
    expect(self).toBe(true);
  });

  it('does not use an entry for a module whose text changed, even to one of the same length', () => {
    const { module, pack } = recorded(SOURCE);
    const changed = SOURCE.replace('41 + 1', '40 + 3');
    expect(changed.length).toBe(SOURCE.length);
    fs.writeFileSync(module, changed);
    expect(loaded(module, pack)).toMatchObject({ used: true, answer: 43, stats: { used: 0, rejected: 0, missed: 1 } });
  });

  it('leaves a module that calls import() to Node (cached data loses its import callback), not one that only says "import()"', () => {
    const calls = recorded(`exports.answer = () => 42;\nexports.fail = () => { throw new Error('x'); };\nexports.later = () => import('node:path');\n`, 0);
    const later = inChild(`
      cc.useCodeCache(${JSON.stringify(calls.pack)});
      require(${JSON.stringify(calls.module)}).later().then((p) => console.log(JSON.stringify({ join: typeof p.join, stats: cc.codeCacheStats() })));
    `);
    expect(later).toEqual({ join: 'function', stats: { used: 0, rejected: 0, missed: 1 } });
    const says = recorded(`exports.answer = () => 42;\nexports.fail = () => { throw new Error("import() is not called here"); };\n`, 1);
    expect(loaded(says.module, says.pack)).toMatchObject({ used: true, answer: 42, stats: { used: 1, rejected: 0, missed: 0 } });
  });

  it('leaves to Node a module Node runs as ESM (a .js file of a "type": "module" package)', () => {
    const dir = makeTempDir('ssot-code-cache-esm-');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    // At the top of an ES module `this` is undefined; in CommonJS it is `exports`.
    fs.writeFileSync(path.join(dir, 'plain.js'), 'globalThis.seen = { thisUndefined: this === undefined };\n');
    const seen = inChild(`
      cc.useCodeCache(${JSON.stringify(path.join(DIST, 'code-cache.bin'))});
      require(${JSON.stringify(path.join(dir, 'plain.js'))});
      console.log(JSON.stringify(globalThis.seen));
    `);
    expect(seen).toEqual({ thisUndefined: true });
  });

  it('is not used when Node maps stack traces to sources (--enable-source-maps), which it does only for what it compiles', () => {
    const { pack } = recorded(SOURCE);
    expect(inChild(`console.log(JSON.stringify(cc.useCodeCache(${JSON.stringify(pack)})));`, ['--enable-source-maps'])).toBe(false);
    expect(inChild(`console.log(JSON.stringify(cc.useCodeCache(${JSON.stringify(pack)})));`)).toBe(true);
  });

  it('is not used at all when another Node made it, or it cannot be read', () => {
    const { module, pack } = recorded(SOURCE);
    const data = fs.readFileSync(pack);
    const index = data.subarray(4, 4 + data.readUInt32LE(0)).toString('utf8');
    const other = Buffer.from(index.replace(process.version, 'v0.0.0'), 'utf8');
    const header = Buffer.alloc(4);
    header.writeUInt32LE(other.length, 0);
    fs.writeFileSync(pack, Buffer.concat([header, other, data.subarray(4 + data.readUInt32LE(0))]));
    expect(loaded(module, pack)).toMatchObject({ used: false, answer: 42, stats: { used: 0, rejected: 0, missed: 0 } });
    fs.writeFileSync(pack, 'not a pack');
    expect(loaded(module, pack)).toMatchObject({ used: false, answer: 42 });
  });

  it('as the build wrote it, is accepted by this Node under the CLI\'s V8 flags', () => {
    const stats = inChild(`
      require(${JSON.stringify(path.join(DIST, 'bin', 'v8-tuning.js'))});
      cc.useCodeCache();
      require('@babel/parser');
      require(${JSON.stringify(path.join(DIST, 'src', 'cli', 'apply', 'index.js'))});
      console.log(JSON.stringify(cc.codeCacheStats()));
    `) as { used: number; rejected: number; missed: number };
    expect(stats.rejected).toBe(0);
    expect(stats.used).toBeGreaterThan(50);
  });

  it('is put in use first by the CLI (after its V8 flags) and by a worker thread', () => {
    const firstRequires = (file: string): string[] =>
      [...fs.readFileSync(path.join(DIST, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).slice(0, 2);
    expect(firstRequires(path.join('bin', 'ssot-codemod.js'))).toEqual(['./v8-tuning', '../src/runner/compile-from-cache']);
    expect(firstRequires(path.join('src', 'runner', 'worker.js'))[0]).toBe('./compile-from-cache');
  });
});
