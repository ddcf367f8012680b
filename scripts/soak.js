#!/usr/bin/env node
/**
 * Kill soak for atomic batches: `apply --batch-size N --verify CMD --commit` is killed with SIGKILL at a
 * random moment (its whole process group: node, the verify shell, a running `git commit`), then `recover`
 * runs, and the trial is classified:
 *
 *   whole  every file holds its original or its final (post-apply) content, each batch is all original or
 *          all final, committed batches are final, `git status` lists only files of final-but-uncommitted
 *          batches (staged ones included), no .git/index.lock is left and the journal is gone;
 *   lost   anything else (each problem is printed).
 *
 *   node scripts/soak.js [--trials 50] [--files 300] [--seed 1] [--batch-size 10] [--max-delay 3000] [--commit-hook-ms 100]
 *
 * `--commit-hook-ms` makes each `git commit` last that much longer (a pre-commit hook that sleeps, run while
 * git holds its index lock), so that random kills land inside commits too, as they do in a repository with
 * real hooks.
 *
 * Needs dist/ (npm run build). `require('./scripts/soak.js')` gives { runTrial, expectedFor }.
 */
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateTree, mulberry32 } = require('../bench/generate.js');

const BIN = path.join(__dirname, '..', 'dist', 'bin', 'ssot-codemod.js');
const ENV = { ...process.env, CI: 'true' };

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cli(cwd, ...args) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
}

/** A committed git repository holding a generated tree (same options, same bytes). */
function makeRepo(parent, tree) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(parent, 'repo-')));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  for (const [k, v] of [['user.name', 'SSOT Soak'], ['user.email', 'ssot-soak@example.com'], ['core.autocrlf', 'false'],
    ['commit.gpgsign', 'false'], ['core.hooksPath', '/dev/null']]) git(dir, 'config', k, v);
  generateTree(dir, tree);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'generated');
  return dir;
}

/** Where a run keeps its journal, lock and commit record: the git directory (these are all git repositories). */
const stateDir = (root) => path.join(root, '.git', 'ssot-codemod');

/** Every file under root but .git and .ssot-codemod, relative path -> bytes. */
function snapshot(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (dir === root && (entry.name === '.git' || entry.name === '.ssot-codemod')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/** Files of each `ssot-codemod: batch` commit, oldest first. */
function batchCommits(root) {
  const log = git(root, 'log', '--reverse', '--format=%H %s').split('\n').filter((l) => / ssot-codemod: batch /.test(l));
  return log.map((line) => {
    const [hash, , , k] = line.split(' ');
    return { hash, label: k, files: git(root, 'show', '--name-only', '--format=', hash).split('\n').filter(Boolean) };
  });
}

const expectedCache = new Map();
/** Runs the same apply, unkilled, on a pristine copy: originals, finals and the batches' files. */
function expectedFor(parent, tree, batchSize) {
  const key = JSON.stringify([tree, batchSize]);
  if (expectedCache.has(key)) return expectedCache.get(key);
  const root = makeRepo(parent, tree);
  const original = snapshot(root);
  const run = cli(root, 'apply', '--batch-size', String(batchSize), '--verify', 'true', '--commit');
  if (run.status !== 0) throw new Error(`reference apply failed (exit ${run.status}):\n${run.stderr}`);
  const expected = { original, final: snapshot(root), batches: batchCommits(root).map((c) => c.files) };
  if (expected.batches.length < 2) throw new Error(`reference apply made ${expected.batches.length} batch(es); need several`);
  fs.rmSync(root, { recursive: true, force: true });
  expectedCache.set(key, expected);
  return expected;
}

/** How many of git's lock files the recovery message says it removed. */
const locksRemoved = (message) => (message.match(/\.lock\b/g) ?? []).length;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `script` as the repository's pre-commit hook: git runs it while it holds its index lock. */
function installPreCommitHook(root, script) {
  const hooks = path.join(root, '.git', 'soak-hooks');
  fs.mkdirSync(hooks, { recursive: true });
  fs.writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  git(root, 'config', 'core.hooksPath', hooks);
}

/**
 * One trial. `kill` is `{ afterMs }` or `{ when: (root) => boolean }` (polled every ~2 ms);
 * `verify` is the --verify command; `preCommitHook` a shell script git runs inside each batch commit.
 * Returns { verdict, problems, exitedFirst, ... }.
 */
async function runTrial({ parent, tree, batchSize = 10, verify = 'sleep 0.05', preCommitHook, kill, keep = false }) {
  const expected = expectedFor(parent, tree, batchSize);
  const root = makeRepo(parent, tree);
  if (preCommitHook) installPreCommitHook(root, preCommitHook);
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'apply', '--batch-size', String(batchSize), '--verify', verify, '--commit'], {
    cwd: root, env: ENV, stdio: 'ignore', detached: true,
  });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  if (kill.afterMs !== undefined) {
    let timer;
    await Promise.race([new Promise((resolve) => { timer = setTimeout(resolve, kill.afterMs); }), exit]);
    clearTimeout(timer);
  } else {
    while (!exited && !kill.when(root) && Date.now() - started < 60000) await sleep(2);
  }
  const exitedFirst = exited;
  const killedAtMs = Date.now() - started;
  try {
    process.kill(-child.pid, 'SIGKILL'); // the group: node, the verify shell, git
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // already gone: still a valid (whole) trial
  }
  const { code, signal } = await exit;
  // Children outside the group's kill (none expected) would still be writing: wait until the group is empty.
  for (let i = 0; i < 500; i++) {
    try { process.kill(-child.pid, 0); } catch { break; }
    await sleep(10);
  }

  const recover = cli(root, 'recover');
  const problems = [];
  if (recover.status !== 0) problems.push(`recover exited ${recover.status}: ${recover.stderr.trim()}`);
  problems.push(...classify(root, expected));
  const result = {
    verdict: problems.length === 0 ? 'whole' : 'lost',
    problems,
    root,
    exitedFirst,
    killedAtMs,
    applyExit: code ?? signal,
    recovered: recover.stderr.match(/recovered an interrupted batch.*?(?=: restored)/)?.[0] ?? null,
    clearedCommit: recover.stderr.match(/cleared a batch commit.*/)?.[0] ?? null,
    batchesCommitted: 0,
    batchesFinal: 0,
    batches: expected.batches.length,
  };
  const state = batchState(root, expected);
  Object.assign(result, state.counts);
  if (!keep && result.verdict === 'whole') fs.rmSync(root, { recursive: true, force: true });
  return result;
}

function batchState(root, expected) {
  const current = snapshot(root);
  const states = expected.batches.map((files) => files.map((f) => {
    const now = current.get(f);
    const post = expected.final.get(f);
    const pre = expected.original.get(f);
    if (now === undefined) return post === undefined ? 'post' : pre === undefined ? 'pre' : 'missing';
    if (post && now.equals(post)) return 'post';
    if (pre && now.equals(pre)) return 'pre';
    return 'other';
  }));
  let committed = 0;
  try { committed = batchCommits(root).length; } catch { /* reported by classify */ }
  return { current, states, counts: { batchesCommitted: committed, batchesFinal: states.filter((s) => s.every((x) => x === 'post')).length } };
}

/** Everything that makes a trial `lost`, as messages; empty when whole. */
function classify(root, expected) {
  const problems = [];
  if (fs.existsSync(path.join(stateDir(root), 'journal'))) problems.push('journal .git/ssot-codemod/journal still present');
  if (fs.existsSync(path.join(root, '.git', 'index.lock'))) problems.push('.git/index.lock left behind (git commit killed while holding it)');
  const { current, states } = batchState(root, expected);

  const names = new Set([...expected.original.keys(), ...expected.final.keys(), ...current.keys()]);
  for (const f of names) {
    const now = current.get(f);
    const pre = expected.original.get(f);
    const post = expected.final.get(f);
    const ok = (now === undefined && (pre === undefined || post === undefined)) || (now && ((pre && now.equals(pre)) || (post && now.equals(post))));
    if (!ok) problems.push(`${f}: ${now === undefined ? 'missing' : pre === undefined && post === undefined ? 'unexpected file' : 'neither original nor final content'}`);
  }
  states.forEach((s, i) => {
    if (!s.every((x) => x === s[0]) || (s[0] !== 'pre' && s[0] !== 'post')) {
      const mix = expected.batches[i].map((f, j) => `${f}=${s[j]}`).join(', ');
      problems.push(`batch ${i + 1} is mixed: ${mix}`);
    }
  });

  let commits;
  try {
    commits = batchCommits(root);
  } catch (error) {
    problems.push(`git log failed: ${error.message.split('\n')[0]}`);
    return problems;
  }
  commits.forEach((c, i) => {
    const want = expected.batches[i];
    if (!want || c.files.join('\n') !== want.join('\n')) problems.push(`commit ${i + 1} (${c.hash.slice(0, 8)}) holds ${c.files.length} file(s), not batch ${i + 1}'s`);
    else if (states[i].some((x) => x !== 'post')) problems.push(`batch ${i + 1} is committed but not final in the work tree`);
  });
  // Only files of final-but-uncommitted batches may differ from HEAD (staged or not).
  const allowed = new Set();
  states.forEach((s, i) => { if (i >= commits.length && s.every((x) => x === 'post')) expected.batches[i].forEach((f) => allowed.add(f)); });
  let status = '';
  let cached = '';
  try {
    status = git(root, 'status', '--porcelain=v1', '--untracked-files=all', '--no-renames');
    cached = git(root, 'diff', '--cached', '--name-only');
  } catch (error) {
    problems.push(`git status failed: ${error.message.split('\n')[0]}`);
  }
  for (const line of status.split('\n').filter(Boolean)) {
    if (!allowed.has(line.slice(3))) problems.push(`git status: unexpected "${line}"`);
  }
  for (const f of cached.split('\n').filter(Boolean)) {
    if (!allowed.has(f)) problems.push(`git diff --cached: unexpected ${f}`);
  }
  return problems;
}

function parseArgs(argv) {
  const opts = { trials: 50, files: 300, seed: 1, batchSize: 10, maxDelay: 3000, legacyShare: 0.2, commitHookMs: 100 };
  const names = {
    '--trials': 'trials', '--files': 'files', '--seed': 'seed', '--batch-size': 'batchSize', '--max-delay': 'maxDelay',
    '--legacy-share': 'legacyShare', '--commit-hook-ms': 'commitHookMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (!(flag in names)) throw new Error(`unknown option ${argv[i]}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value)) throw new Error(`${flag} needs a number`);
    opts[names[flag]] = value;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing; run npm run build`);
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-soak-')));
  const rng = mulberry32(opts.seed);
  const tree = { files: opts.files, legacyShare: opts.legacyShare, seed: opts.seed };
  const expected = expectedFor(parent, tree, opts.batchSize);
  const preCommitHook = opts.commitHookMs > 0 ? `sleep ${opts.commitHookMs / 1000}` : undefined;
  console.log(`tree: ${opts.files} files, seed ${opts.seed}, ${expected.batches.length} batches of ≤${opts.batchSize}; ` +
    `kills at 0-${opts.maxDelay} ms; each commit ${opts.commitHookMs} ms longer`);
  let whole = 0;
  let lost = 0;
  const moments = { batchRestored: 0, insideGitCommit: 0, aroundGitCommit: 0, betweenSteps: 0, finished: 0 };
  for (let t = 1; t <= opts.trials; t++) {
    const afterMs = Math.floor(rng() * opts.maxDelay);
    const r = await runTrial({ parent, tree, batchSize: opts.batchSize, preCommitHook, kill: { afterMs } });
    if (r.verdict === 'whole') whole++;
    else lost++;
    if (r.exitedFirst) moments.finished++;
    else if (r.recovered) moments.batchRestored++;
    else if (r.clearedCommit) moments[locksRemoved(r.clearedCommit) > 0 ? 'insideGitCommit' : 'aroundGitCommit']++;
    else moments.betweenSteps++;
    const where = r.exitedFirst ? `exited first (${r.applyExit})` : `killed at ${r.killedAtMs} ms`;
    console.log(`trial ${t}: ${r.verdict.padEnd(5)} ${where}; committed ${r.batchesCommitted}/${r.batches}, final ${r.batchesFinal}/${r.batches}` +
      `${r.recovered ? `; ${r.recovered}` : ''}${r.clearedCommit ? `; cleared an interrupted commit (${locksRemoved(r.clearedCommit)} git lock(s) removed)` : ''}`);
    for (const p of r.problems.slice(0, 20)) console.log(`    ${p}`);
    if (r.problems.length > 20) console.log(`    … ${r.problems.length - 20} more; repo kept at ${r.root}`);
    else if (r.verdict === 'lost') console.log(`    repo kept at ${r.root}`);
  }
  console.log(`killed while a batch was journalled (restored): ${moments.batchRestored}, inside git commit (its locks ` +
    `cleared): ${moments.insideGitCommit}, just before or after git commit (index reset): ${moments.aroundGitCommit}, ` +
    `nothing to restore (before the first write, or between steps): ${moments.betweenSteps}, after the run finished: ${moments.finished}`);
  console.log(`trials ${opts.trials} / whole ${whole} / lost ${lost}`);
  if (lost === 0) fs.rmSync(parent, { recursive: true, force: true });
  process.exitCode = lost > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.stack || String(error));
    process.exitCode = 2;
  });
} else {
  module.exports = { runTrial, expectedFor, classify, snapshot };
}
