#!/usr/bin/env node
/**
 * `npm run demo`: the migration of examples/netra-engine, on a temporary copy so the example stays as it
 * is — the dashboard, the whole migration as a reviewable patch, the migration itself, the dashboard again.
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

const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-demo-'));
fs.cpSync(path.join(repo, 'examples', 'netra-engine'), workdir, { recursive: true });

function step(title, args) {
  console.log(`\n\x1b[1m━━ ${title}\x1b[0m\n$ ssot-codemod ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: workdir, stdio: 'inherit' });
  console.log(`(exit ${run.status})`);
  return run.status;
}

try {
  console.log(`A copy of examples/netra-engine in ${workdir}`);
  step('1. How fragmented is it?', ['check']);
  step('2. The whole migration, batch by batch, as a patch for review', ['apply', '--dry-run', '--batch-size', '8']);
  step('3. Apply it, batch by batch (each batch written atomically)', ['apply', '--batch-size', '8']);
  step('4. What is left: only what needs a human', ['check']);
} finally {
  fs.rmSync(workdir, { recursive: true, force: true });
}
