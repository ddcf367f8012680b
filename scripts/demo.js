#!/usr/bin/env node
/**
 * `npm run demo`: the migrations of examples/netra-engine (TypeScript) and examples/netra-python (Python),
 * each on a temporary copy so the examples stay as they are — the dashboard, the whole migration as a
 * reviewable patch, the migration itself, the dashboard again. For the Python example, its own tests run
 * before and after (when python3 is here).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.join(__dirname, '..');
const bin = path.join(repo, 'dist', 'bin', 'ssot-codemod.js');
if (!fs.existsSync(bin)) {
  console.error('dist/ is missing: run `npm ci` (or `npm run build`) first.');
  process.exit(1);
}

const python3 = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

function demo(example, batchSize, tests) {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-demo-'));
  fs.cpSync(path.join(repo, 'examples', example), workdir, { recursive: true });
  const step = (title, args) => {
    console.log(`\n\x1b[1m━━ ${title}\x1b[0m\n$ ssot-codemod ${args.join(' ')}\n`);
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: workdir, stdio: 'inherit' });
    console.log(`(exit ${run.status})`);
    return run.status;
  };
  const runTests = (when) => {
    if (!tests) return;
    console.log(`\n\x1b[1m━━ The example's own tests, ${when}\x1b[0m\n$ ${tests.join(' ')}\n`);
    const run = spawnSync(tests[0], tests.slice(1), { cwd: workdir, stdio: 'inherit' });
    console.log(`(exit ${run.status})`);
  };
  try {
    console.log(`\n\x1b[1m══ examples/${example}\x1b[0m: a copy in ${workdir}`);
    runTests('before the migration');
    step('1. How fragmented is it?', ['check']);
    step('2. The whole migration, batch by batch, as a patch for review', ['apply', '--dry-run', '--batch-size', String(batchSize)]);
    step('3. Apply it, batch by batch (each batch written atomically)', ['apply', '--batch-size', String(batchSize)]);
    step('4. What is left: only what needs a human', ['check']);
    runTests('after the migration');
  } finally {
    fs.rmSync(workdir, { recursive: true, force: true });
  }
}

demo('netra-engine', 8, null);
demo('netra-python', 4, python3 ? [python3, '-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'] : null);
