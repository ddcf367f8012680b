#!/usr/bin/env node
/**
 * Fault soak for atomic batches: `apply --batch-size N --verify CMD --commit` on a generated git repository
 * meets one fault per trial, then does what the README tells a user to do after that kind of interruption
 * (`recover`, and then the same `apply --commit` again), and the trial is judged twice:
 *
 *   whole             after `recover`: every file holds its original or its final content (a user's edit on
 *                     top of either), each batch is all original or all final, committed batches are
 *                     final, `git status` lists only files of final-but-uncommitted batches (and the user's
 *                     edit), no git lock is left and the journal is gone;
 *   lost              anything else, or a user's edit gone;
 *   left-uncommitted  after the rerun of `apply --commit`: it did not exit 0, or a file is not final, or the
 *                     work tree or the index differs from HEAD (a batch left written but uncommitted, or a
 *                     false success). A rerun that stops naming a pending batch whose files changed since
 *                     (exit 2: a formatting hook killed between its edit and its `git add` cannot be told
 *                     from the user) is followed as it says: the batch's files are committed by hand, and
 *                     `apply --commit` runs once more;
 *   leftovers         after the rerun: anything left in our state folder, a temporary file in the tree, a
 *                     git lock.
 *
 * Faults, in turn: kill-group (SIGKILL to node, the verify shell and a running git commit), kill-node (node
 * alone: its git commit or verify shell runs on), suspended-recover (killed, then the recover is stopped
 * after reading the journal while a new `apply --commit` is tried), edit-during-verify (the user saves a
 * file of the batch in flight, and verify fails), failing-hook (a pre-commit hook fails once), reformat-hook
 * (a pre-commit hook formats and `git add`s, lint-staged style; killed at a random moment), enospc (the disk
 * fills up under node for a while).
 *
 *   node scripts/soak.js [--trials 50] [--files 300] [--seed 1] [--batch-size 10] [--max-delay 3000] [--commit-hook-ms 100]
 *
 * `--commit-hook-ms` makes each `git commit` last that much longer (a pre-commit hook that sleeps), so that
 * random kills land inside commits too, as they do in a repository with real hooks.
 *
 * Needs dist/ (npm run build). `require('./scripts/soak.js')` gives { runTrial, expectedFor, FAULTS }.
 */
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateTree, mulberry32 } = require('../bench/generate.js');

const BIN = path.join(__dirname, '..', 'dist', 'bin', 'ssot-codemod.js');
const PRELOADS = path.join(__dirname, 'soak-faults');
const ENV = { ...process.env, CI: 'true' };
const FAULTS = ['kill-group', 'kill-node', 'suspended-recover', 'edit-during-verify', 'failing-hook', 'reformat-hook', 'enospc'];
/** What a formatter run by a pre-commit hook does to each staged file (once), and stages. */
const FORMAT = '// formatted';
const FORMAT_HOOK = `for f in $(git diff --cached --name-only --diff-filter=ACM); do grep -q "^${FORMAT}$" "$f" || printf '${FORMAT}\\n' >> "$f"; git add -- "$f"; done`;
const USER_LINE = '// saved by the user while verify ran\n';

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cli(cwd, args, env = ENV) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 1 << 26 });
}

/** Where a run keeps its journal, lock and commit record: the git directory (these are all git repositories). */
const stateDir = (root) => path.join(root, '.git', 'ssot-codemod');

/** A committed git repository holding a generated tree (same options, same bytes). */
function makeRepo(parent, tree) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(parent, 'repo-')));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  for (const [k, v] of [['user.name', 'SSOT Soak'], ['user.email', 'ssot-soak@example.com'], ['core.autocrlf', 'false'],
    ['commit.gpgsign', 'false'], ['core.hooksPath', '/dev/null'], ['gc.auto', '0']]) git(dir, 'config', k, v);
  generateTree(dir, tree);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'generated');
  return dir;
}

/** Runs `script` as the repository's pre-commit hook: git runs it in the middle of each commit. */
function installPreCommitHook(root, script) {
  const hooks = path.join(root, '.git', 'soak-hooks');
  fs.mkdirSync(hooks, { recursive: true });
  fs.writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  git(root, 'config', 'core.hooksPath', hooks);
}

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
/**
 * Runs the same apply, unkilled, on a pristine copy: originals, finals and the batches' files. `formatting`:
 * with the formatting hook, whose output the finals then hold.
 */
function expectedFor(parent, tree, batchSize, formatting = false) {
  const key = JSON.stringify([tree, batchSize, formatting]);
  if (expectedCache.has(key)) return expectedCache.get(key);
  const root = makeRepo(parent, tree);
  if (formatting) installPreCommitHook(root, FORMAT_HOOK);
  const original = snapshot(root);
  const run = cli(root, ['apply', '--batch-size', String(batchSize), '--verify', 'true', '--commit']);
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

function isStopped(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
  } catch {
    return false;
  }
}

/** Waits until the process group `pgid` is empty (its orphans done), at most `ms`. */
async function groupGone(pgid, ms) {
  for (const started = Date.now(); Date.now() - started < ms; await sleep(10)) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * One trial. `kill` is `{ afterMs }` or `{ when: (root) => boolean }` (polled every ~2 ms), or null (the run
 * ends by itself); `fault` one of FAULTS (default kill-group); `verify` the --verify command;
 * `preCommitHook` a shell script git runs inside each batch commit; `resume`: rerun `apply --commit`
 * afterwards and judge what it leaves. Returns { verdict, problems, exitedFirst, ... }.
 */
async function runTrial({ parent, tree, batchSize = 10, verify = 'sleep 0.05', preCommitHook, kill, keep = false, fault = 'kill-group', resume = false, rng = Math.random }) {
  const formatting = fault === 'reformat-hook';
  const expected = expectedFor(parent, tree, batchSize, formatting);
  const root = makeRepo(parent, tree);
  const flags = fs.mkdtempSync(path.join(parent, 'flags-'));
  const hook = [formatting ? FORMAT_HOOK : '', preCommitHook ?? ''];
  const env = { ...ENV };
  const preloads = [];
  let userEdit = null;
  if (fault === 'failing-hook') {
    // Fails the commit of one batch, once.
    const failAt = 1 + Math.floor(rng() * expected.batches.length);
    const count = path.join(flags, 'commits');
    hook.unshift(`n=$(($(cat '${count}' 2>/dev/null || echo 0) + 1)); echo $n > '${count}'; if [ $n -eq ${failAt} ]; then echo "lint failed" >&2; exit 1; fi`);
  }
  // The user's save lands while the batch's files are written, or (every other time) while verify runs.
  const editWhileVerifying = fault === 'edit-during-verify' && rng() < 0.5;
  if (fault === 'edit-during-verify') verify = `touch '${path.join(flags, 'verifying')}'; sleep 0.3; [ ! -e '${path.join(flags, 'fail')}' ]`;
  if (fault === 'enospc') {
    preloads.push('--require', path.join(PRELOADS, 'enospc.js'));
    env.SSOT_ENOSPC_AFTER = String(Math.floor(rng() * 250));
    if (rng() < 0.5) env.SSOT_ENOSPC_FOR = String(1 + Math.floor(rng() * 40));
  }
  if (hook.some(Boolean)) installPreCommitHook(root, hook.filter(Boolean).join('\n'));

  const started = Date.now();
  const child = spawn(process.execPath, [...preloads, BIN, 'apply', '--batch-size', String(batchSize), '--verify', verify, '--commit'], {
    cwd: root, env, stdio: 'ignore', detached: true,
  });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  if (fault === 'edit-during-verify') {
    // The user saves a file of the batch in flight (its journal names it), and that batch's verify fails.
    const manifest = path.join(stateDir(root), 'journal', 'manifest.json');
    while (!exited && Date.now() - started < 60000) {
      let files = null;
      try {
        files = JSON.parse(fs.readFileSync(manifest, 'utf8')).files;
      } catch {
        // not there yet, or being written
      }
      if (files?.length && (!editWhileVerifying || fs.existsSync(path.join(flags, 'verifying')))) {
        userEdit = files[Math.floor(rng() * files.length)].path;
        fs.appendFileSync(path.join(root, userEdit), USER_LINE);
        fs.writeFileSync(path.join(flags, 'fail'), '');
        break;
      }
      await sleep(2);
    }
  } else if (kill?.afterMs !== undefined) {
    let timer;
    await Promise.race([new Promise((resolve) => { timer = setTimeout(resolve, kill.afterMs); }), exit]);
    clearTimeout(timer);
  } else if (kill?.when) {
    while (!exited && !kill.when(root) && Date.now() - started < 60000) await sleep(2);
  }
  if (!kill) await exit;
  const exitedFirst = exited;
  const killedAtMs = Date.now() - started;
  const problems = [];
  if (kill) {
    try {
      if (fault === 'kill-node') process.kill(child.pid, 'SIGKILL');
      else process.kill(-child.pid, 'SIGKILL'); // the group: node, the verify shell, git
    } catch (error) {
      if (error.code !== 'ESRCH') throw error; // already gone: still a valid trial
    }
  }
  const { code, signal } = await exit;
  // What the kill left running (node alone killed: its git commit, its verify shell) ends first.
  if (!(await groupGone(child.pid, 60000))) problems.push('processes of the killed run still ran after 60 s');
  const stateAfterFault = fs.existsSync(stateDir(root)) ? fs.readdirSync(stateDir(root)).sort().join(' ') : '(none)';

  let recover;
  let suspended = false;
  if (fault === 'suspended-recover') {
    // Stopped (as by Ctrl-Z) once it has read the journal; meanwhile the user tries apply --commit again.
    const stopped = spawn(process.execPath, ['--require', path.join(PRELOADS, 'pause-on-read.js'), BIN, 'recover'], {
      cwd: root, env: { ...ENV, SSOT_PAUSE_AFTER_READING: path.join('journal', 'manifest.json') }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    stopped.stderr.on('data', (chunk) => (stderr += chunk));
    const done = new Promise((resolve) => stopped.on('close', (status) => resolve(status)));
    for (let i = 0; i < 2500 && !isStopped(stopped.pid) && stopped.exitCode === null; i++) await sleep(2);
    if (isStopped(stopped.pid)) {
      suspended = true;
      const before = snapshot(root);
      const meanwhile = cli(root, ['apply', '--batch-size', String(batchSize), '--commit']);
      if (meanwhile.status !== 2 || !/another ssot-codemod run/.test(meanwhile.stderr)) problems.push(`apply ran while recover was suspended (exit ${meanwhile.status})`);
      if (!sameFiles(before, snapshot(root))) problems.push('apply changed files while recover was suspended');
      process.kill(stopped.pid, 'SIGCONT');
    }
    recover = { status: await done, stderr };
  } else {
    recover = cli(root, ['recover']);
  }
  if (recover.status !== 0) problems.push(`recover exited ${recover.status}: ${recover.stderr.trim()}`);
  const normalize = formatting ? (bytes) => Buffer.from(bytes.toString('utf8').replace(`${FORMAT}\n`, '')) : (bytes) => bytes;
  const judged = { userEdit, normalize };
  problems.push(...classify(root, expected, judged));
  const result = {
    verdict: problems.length === 0 ? 'whole' : 'lost',
    problems,
    root,
    fault,
    exitedFirst,
    killedAtMs,
    applyExit: code ?? signal,
    recovered: recover.stderr.match(/recovered an interrupted batch.*?(?=: restored)/)?.[0] ?? null,
    clearedCommit: recover.stderr.match(/cleared a batch commit.*/)?.[0] ?? null,
    pending: /is written but not committed/.test(recover.stderr),
    suspended,
    userEdit,
    batchesCommitted: 0,
    batchesFinal: 0,
    batches: expected.batches.length,
    uncommitted: [],
    leftovers: [],
  };
  Object.assign(result, batchState(root, expected, judged).counts);
  if (resume) {
    result.uncommitted = resumed(root, expected, batchSize, userEdit);
    result.named = result.uncommitted.named === true;
    result.leftovers = leftovers(root);
    // What was there to go on, for a trial that went wrong.
    if (result.uncommitted.length > 0) result.uncommitted.push(`state after the fault: ${stateAfterFault}; recover said: ${recover.stderr.trim() || '(nothing)'}`);
  }
  const clean = result.verdict === 'whole' && result.uncommitted.length === 0 && result.leftovers.length === 0;
  fs.rmSync(flags, { recursive: true, force: true });
  if (!keep && clean) fs.rmSync(root, { recursive: true, force: true });
  return result;
}

function sameFiles(a, b) {
  return a.size === b.size && [...a].every(([file, bytes]) => b.get(file)?.equals(bytes));
}

/** What the README says to do next: the user commits their own edit, if any, and runs the same apply again. */
function resumed(root, expected, batchSize, userEdit) {
  const problems = [];
  // (Nothing to commit when the user's edit already is: in a batch committed by hand.)
  const commitStaged = (message) => {
    if (spawnSync('git', ['diff', '--cached', '--quiet'], { cwd: root }).status !== 0) git(root, 'commit', '--quiet', '-m', message);
  };
  if (userEdit) {
    git(root, 'add', '--', userEdit);
    commitStaged('the user\'s own edit');
  }
  const rerun = () => cli(root, ['apply', '--batch-size', String(batchSize), '--verify', 'true', '--commit']);
  let again = rerun();
  // A pending batch whose files changed since (a formatting hook killed between its edit and its `git add`
  // cannot be told from the user) is named, exit 2, and the user is told to commit it themselves: so they do.
  const pendingFile = path.join(stateDir(root), 'pending-commit.json');
  if (again.status === 2 && /was written but never committed .* changed since: commit or discard/.test(again.stderr) && fs.existsSync(pendingFile)) {
    const files = JSON.parse(fs.readFileSync(pendingFile, 'utf8')).files.map((file) => file.path);
    git(root, 'add', '--', ...files);
    commitStaged('the batch, committed by hand as told');
    problems.named = true;
    again = rerun();
  }
  if (again.status !== 0) problems.push(`the rerun of apply --commit exited ${again.status}: ${again.stderr.trim().split('\n').slice(-2).join(' | ')}`);
  const current = snapshot(root);
  for (const [file, final] of expected.final) {
    const want = file === userEdit ? Buffer.concat([final, Buffer.from(USER_LINE)]) : final;
    if (!current.get(file)?.equals(want)) problems.push(`${file}: not final after the rerun`);
  }
  const status = git(root, 'status', '--porcelain=v1', '--untracked-files=all');
  if (status !== '') problems.push(`git status after the rerun: ${status.trim().split('\n').slice(0, 3).join(', ')}`);
  const staged = git(root, 'diff', '--cached', '--name-only');
  if (staged !== '') problems.push(`the index differs from HEAD after the rerun: ${staged.trim().split('\n').slice(0, 3).join(', ')}`);
  return problems;
}

/** What a finished run must not leave: our state, temporary files, git's locks. */
function leftovers(root) {
  const found = [];
  if (fs.existsSync(stateDir(root))) found.push(...fs.readdirSync(stateDir(root)).map((name) => `.git/ssot-codemod/${name}`));
  const walk = (dir, inGit) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === stateDir(root) || full === path.join(root, '.git', 'objects')) continue;
      if (entry.isDirectory()) walk(full, inGit || entry.name === '.git');
      else if (inGit ? entry.name.endsWith('.lock') : entry.name.endsWith('.tmp')) found.push(path.relative(root, full));
    }
  };
  walk(root, false);
  return found;
}

/**
 * Each batch file's state: `post`/`pre`, after taking off a user's edit (`judged.userEdit`) and what a
 * formatting hook adds (`judged.normalize`) to a final not committed yet.
 */
function batchState(root, expected, judged = {}) {
  const current = snapshot(root);
  const normalize = judged.normalize ?? ((bytes) => bytes);
  const stateOf = (f) => {
    let now = current.get(f);
    const post = expected.final.get(f);
    const pre = expected.original.get(f);
    if (now !== undefined && f === judged.userEdit) {
      const text = now.toString('utf8');
      if (!text.endsWith(USER_LINE)) return 'edit-lost';
      now = Buffer.from(text.slice(0, -USER_LINE.length));
    }
    if (now === undefined) return post === undefined ? 'post' : pre === undefined ? 'pre' : 'missing';
    if (post && (now.equals(post) || normalize(now).equals(normalize(post)))) return 'post';
    if (pre && now.equals(pre)) return 'pre';
    return 'other';
  };
  const states = expected.batches.map((files) => files.map(stateOf));
  let committed = 0;
  try { committed = batchCommits(root).length; } catch { /* reported by classify */ }
  return { current, states, stateOf, counts: { batchesCommitted: committed, batchesFinal: states.filter((s) => s.every((x) => x === 'post')).length } };
}

/** Everything that makes a trial `lost`, as messages; empty when whole. */
function classify(root, expected, judged = {}) {
  const problems = [];
  if (fs.existsSync(path.join(stateDir(root), 'journal'))) problems.push('journal .git/ssot-codemod/journal still present');
  if (fs.existsSync(path.join(root, '.git', 'index.lock'))) problems.push('.git/index.lock left behind (git commit killed while holding it)');
  const { current, states, stateOf } = batchState(root, expected, judged);

  const names = new Set([...expected.original.keys(), ...expected.final.keys(), ...current.keys()]);
  for (const f of names) {
    const state = stateOf(f);
    if (state === 'edit-lost') problems.push(`${f}: the user's edit was lost`);
    else if (state === 'other' || state === 'missing') problems.push(`${f}: ${state === 'missing' ? 'missing' : 'neither original nor final content'}`);
    else if (!expected.original.has(f) && !expected.final.has(f)) problems.push(`${f}: unexpected file`);
  }
  states.forEach((all, i) => {
    // A file the user saved while the batch was in flight is theirs: the rollback keeps it as it is.
    const s = all.filter((_, j) => expected.batches[i][j] !== judged.userEdit);
    if (s.length > 0 && (!s.every((x) => x === s[0]) || (s[0] !== 'pre' && s[0] !== 'post'))) {
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
  // Only files of final-but-uncommitted batches (and the user's edit) may differ from HEAD (staged or not).
  const allowed = new Set(judged.userEdit ? [judged.userEdit] : []);
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

/** A condition that holds `delayMs` after `condition` first held. */
function delayedOnce(condition, delayMs) {
  let since = null;
  return (root) => {
    if (since === null && condition(root)) since = Date.now();
    return since !== null && Date.now() - since >= delayMs;
  };
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
    `kills at 0-${opts.maxDelay} ms; each commit ${opts.commitHookMs} ms longer; faults in turn: ${FAULTS.join(', ')}`);
  const totals = { whole: 0, lost: 0, leftUncommitted: 0, leftovers: 0 };
  const moments = { batchRestored: 0, insideGitCommit: 0, aroundGitCommit: 0, pending: 0, betweenSteps: 0, finished: 0 };
  for (let t = 1; t <= opts.trials; t++) {
    const fault = FAULTS[(t - 1) % FAULTS.length];
    const afterMs = Math.floor(rng() * opts.maxDelay);
    // A suspended recover matters when there is a batch to restore: that trial is killed while a batch is
    // journalled, at a random moment of it.
    const journalled = (root) => fs.existsSync(path.join(stateDir(root), 'journal'));
    const kill = ['edit-during-verify', 'failing-hook', 'enospc'].includes(fault) ? null
      : fault === 'suspended-recover' ? { when: delayedOnce(journalled, Math.floor(rng() * 80)) }
        : { afterMs };
    const r = await runTrial({ parent, tree, batchSize: opts.batchSize, preCommitHook, kill, fault, resume: true, rng });
    totals[r.verdict]++;
    if (r.uncommitted.length > 0) totals.leftUncommitted++;
    if (r.leftovers.length > 0) totals.leftovers++;
    if (r.exitedFirst) moments.finished++;
    else if (r.recovered) moments.batchRestored++;
    else if (r.clearedCommit) moments[locksRemoved(r.clearedCommit) > 0 ? 'insideGitCommit' : 'aroundGitCommit']++;
    else if (r.pending) moments.pending++;
    else moments.betweenSteps++;
    const where = r.exitedFirst ? `ended by itself (${r.applyExit})` : `killed at ${r.killedAtMs} ms`;
    console.log(`trial ${t} ${r.fault.padEnd(18)} ${r.verdict.padEnd(5)} ${where}; committed ${r.batchesCommitted}/${r.batches}, final ${r.batchesFinal}/${r.batches}` +
      `${r.recovered ? `; ${r.recovered}` : ''}${r.clearedCommit ? '; cleared an interrupted commit' : ''}${r.pending ? '; a batch pending' : ''}` +
      `${r.suspended ? '; recover suspended, apply refused meanwhile' : ''}${r.userEdit ? `; the user's edit of ${r.userEdit} kept` : ''}` +
      `${r.named ? '; the rerun named the pending batch, committed by hand as told' : ''}` +
      `${r.uncommitted.length ? '; LEFT UNCOMMITTED' : ''}${r.leftovers.length ? '; LEFTOVERS' : ''}`);
    const shown = [...r.problems, ...r.uncommitted, ...r.leftovers.map((file) => `left behind: ${file}`)];
    for (const p of shown.slice(0, 20)) console.log(`    ${p}`);
    if (shown.length > 20) console.log(`    … ${shown.length - 20} more`);
    if (shown.length > 0) console.log(`    repo kept at ${r.root}`);
  }
  console.log(`after the fault and recover: a batch restored from its journal ${moments.batchRestored}, an interrupted commit cleared ` +
    `${moments.insideGitCommit + moments.aroundGitCommit}, a batch left pending (its commit failed) ${moments.pending}, nothing to ` +
    `restore ${moments.betweenSteps}, the run had ended by itself ${moments.finished}`);
  console.log(`trials ${opts.trials} / whole ${totals.whole} / lost ${totals.lost} / left-uncommitted ${totals.leftUncommitted} / leftovers ${totals.leftovers}`);
  const bad = totals.lost + totals.leftUncommitted + totals.leftovers;
  if (bad === 0) fs.rmSync(parent, { recursive: true, force: true });
  process.exitCode = bad > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.stack || String(error));
    process.exitCode = 2;
  });
} else {
  module.exports = { runTrial, expectedFor, classify, snapshot, FAULTS };
}
