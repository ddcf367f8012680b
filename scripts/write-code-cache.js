#!/usr/bin/env node
/**
 * Writes, from the build, dist/code-cache.bin: V8's code cache of every module a run loads
 * (src/runner/code-cache.ts says why and how it is used). The built CLI runs `apply --dry-run` and `check`
 * on a temporary copy of examples/netra-engine, each in a child process that compiles its modules through
 * vm.Script and, once the run has exercised them, writes their cache. Made under the V8 flags the CLI sets
 * (bin/v8-tuning.ts), by this Node: another Node, or other flags, simply do not use it.
 * Run by `npm run build`.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.join(__dirname, '..');
const dist = path.join(repo, 'dist');
const bin = path.join(dist, 'bin', 'ssot-codemod.js');
const { CODE_CACHE_FILE } = require(path.join(dist, 'src', 'runner', 'code-cache.js'));

const child = `
require(${JSON.stringify(path.join(dist, 'bin', 'v8-tuning.js'))});
const recorder = require(${JSON.stringify(path.join(dist, 'src', 'runner', 'code-cache.js'))}).recordCodeCache(${JSON.stringify(CODE_CACHE_FILE)});
process.on('exit', () => recorder.done());
process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...JSON.parse(process.env.SSOT_RECORD_ARGS)];
require(${JSON.stringify(bin)});
`;

fs.rmSync(CODE_CACHE_FILE, { force: true });
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-code-cache-'));
try {
  fs.cpSync(path.join(repo, 'examples', 'netra-engine'), workdir, { recursive: true });
  for (const args of [['apply', '--dry-run'], ['check']]) {
    const run = spawnSync(process.execPath, ['-e', child], { cwd: workdir, env: { ...process.env, SSOT_RECORD_ARGS: JSON.stringify(args) }, encoding: 'utf8' });
    // `check` exits 1 when it finds violations, as it does on the example before its migration.
    if (run.status !== 0 && run.status !== 1) throw new Error(`ssot-codemod ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
} finally {
  fs.rmSync(workdir, { recursive: true, force: true });
}
if (!fs.existsSync(CODE_CACHE_FILE)) throw new Error(`${CODE_CACHE_FILE} was not written`);
