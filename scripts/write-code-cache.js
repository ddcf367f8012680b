#!/usr/bin/env node
/**
 * Writes, from the build, dist/code-cache.bin: V8's code cache of every module a run loads
 * (src/runner/code-cache.ts says why and how it is used). The built CLI runs `apply --dry-run` and `check`
 * on a temporary copy of examples/netra-engine, each in a child process that compiles its modules through
 * vm.Script and, once the run has exercised them, writes their cache; a module that calls `import()` is left to
 * Node (`cacheable`). Made under the V8 flags the CLI sets
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
const { cacheable } = require(${JSON.stringify(__filename)});
const recorder = require(${JSON.stringify(path.join(dist, 'src', 'runner', 'code-cache.js'))}).recordCodeCache(${JSON.stringify(CODE_CACHE_FILE)}, cacheable);
process.on('exit', () => recorder.done());
process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...JSON.parse(process.env.SSOT_RECORD_ARGS)];
require(${JSON.stringify(bin)});
`;

/**
 * Whether a module may be cached: it parses, and calls no `import()` (code-cache.ts says why). Read from its
 * syntax tree, so that `import()` in a string (Babel's own messages) does not count.
 */
function cacheable(content) {
  let ast;
  try {
    ast = require('@babel/parser').parse(content, { sourceType: 'unambiguous', allowReturnOutsideFunction: true, allowHashBang: true, createImportExpressions: true });
  } catch {
    return false;
  }
  // Required here, once the recorded run is over, so that the run's own loading of it is recorded.
  const { forEachNode } = require(path.join(dist, 'src', 'languages', 'javascript', 'visitor-keys.js'));
  let callsImport = false;
  forEachNode(ast.program, (node) => {
    if (node.type === 'ImportExpression' || (node.type === 'CallExpression' && node.callee.type === 'Import')) callsImport = true;
  });
  return !callsImport;
}
module.exports = { cacheable };
if (require.main !== module) return;

fs.rmSync(CODE_CACHE_FILE, { force: true });
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-code-cache-'));
try {
  fs.cpSync(path.join(repo, 'examples', 'netra-engine'), workdir, { recursive: true });
  for (const args of [['apply', '--dry-run'], ['check']]) {
    const run = spawnSync(process.execPath, ['-e', child], { cwd: workdir, env: { ...process.env, SSOT_RECORD_ARGS: JSON.stringify(args) }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ssot-codemod ${args.join(' ')} exited ${run.status} while its code cache was recorded: ${run.stderr}`);
  }
} finally {
  fs.rmSync(workdir, { recursive: true, force: true });
}
if (!fs.existsSync(CODE_CACHE_FILE)) throw new Error(`${CODE_CACHE_FILE} was not written`);
