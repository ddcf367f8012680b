#!/usr/bin/env node
/**
 * `npm run bench`: ssot-codemod against the tools a user would pick for the same job, on the same trees,
 * in the same run.
 *
 * Trees (each generated once, then `git init` + one commit, as a real repository is; --no-git leaves them
 * plain folders):
 *   real        TypeORM's sources from its npm package (bench/real-tree.js), consolidating its 59 error
 *               classes onto their barrel `src/error`
 *   N@P         N generated app-shaped files, P% of them legacy (bench/generate.js)
 *   sites40k    a small generated tree plus one 1.7 MB file with 40,000 `new ExecutionEngine(ctx)` sites
 *
 * Contenders, each run in the tree:
 *   ours        ssot-codemod apply --dry-run --out <tmp>          (all three transforms, CI=true)
 *   ours-check  ssot-codemod check --format json > /dev/null
 *   ast-grep    bench/peers/ast-grep.js: @ast-grep/napi (tree-sitter), text pre-filter, pattern rewrite
 *   ts-morph    bench/peers/ts-morph.js: every file into a ts-morph Project, rewritten through its API
 *   runner      jscodeshift --dry --silent --extensions=ts,tsx,js,jsx -t <transform> src, once per transform
 *               (three invocations, times summed, default options: it picks its own worker count)
 *   typical     the runner with --prefilter=false: every file parsed by every transform, which is how a
 *               transform written for jscodeshift alone behaves
 *   lower-bound bench/lower-bound.js: list, read, pre-filter, parse the matching files once with
 *               @babel/parser; one thread
 *   lower-oxc   the same with oxc-parser (native)
 *   lower-read  the same without parsing: list, read, pre-filter
 *
 * Then a Python tree (bench/generate-python.js: the registry of examples/netra-python and N feature
 * modules), with ours, ours-check and the lower bound (pyright's parser), and LibCST's RenameCommand
 * (`python3 -m libcst.tool codemod --no-format rename.RenameCommand`) when python3 has libcst: it renames
 * one (old, new) pair per run, so it runs once per legacy name and moved module of the registry, on a fresh
 * copy of the tree each time (the copy untimed), times summed. It does no direct-instantiation.
 *
 * Wall time: median over the runs. CPU time: user + system of the process and every child it waited for
 * (/usr/bin/time), median over the runs. Peak memory: the whole process tree (worker threads share their
 * process's RSS; jscodeshift's workers are child processes), polled from /proc every 50 ms as the sum of
 * VmHWM over the tree's live processes, and at least what /usr/bin/time -f %M reports.
 *
 *   npm run bench                                    # real, 2000@5, 20000@5, 100000@5, 2000@100, sites40k; Python 500@5, 20000@5; 3 runs
 *   npm run bench -- --quick                         # real, 2000@5 and sites40k, Python 500@5, 1 run
 *   npm run bench -- --sizes real,20000@5 --runs 5 --only ours,ast-grep,lower-bound
 *   npm run bench -- --python-sizes 2000@5 --sizes none   # the Python tree alone (`none`: no tree of that kind)
 *
 * Options: --sizes S[,S…]  --python-sizes N@P[,N@P…]  --runs N  --quick  --only a,b  --seed N  --max-run-seconds S (a contender
 * whose estimated run time is over S is skipped at that size; default 240)  --timeout S (per run; default
 * 1800)  --keep (keep the trees)  --no-git  --out FILE (default bench/results.json)  --build (rebuild dist/)
 * --base DIR (a checkout of an earlier version, built: adds `base` and `base-check`, its apply and check,
 * for before/after figures in the same run).
 * The README's table is made from the JSON: node bench/readme-table.js [--write].
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateTree } = require('./generate');
const { buildRealTree } = require('./real-tree');
const { generatePythonTree } = require('./generate-python');

const REPO = path.join(__dirname, '..');
const BIN = path.join(REPO, 'dist', 'bin', 'ssot-codemod.js');
const JSCODESHIFT = path.join(REPO, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const TRANSFORMS = ['direct-instantiation', 'consolidated-paths', 'aliased-imports'];
const LOWER_BOUND = path.join(__dirname, 'lower-bound.js');
const PEERS = path.join(__dirname, 'peers');
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const DEFAULT_SIZES = 'real,2000@5,20000@5,100000@5,2000@100,sites40k';
const DEFAULT_PYTHON_SIZES = '500@5,20000@5';
const PYTHON3 = spawnSync('python3', ['-c', 'import libcst'], { stdio: 'ignore' }).status === 0 ? 'python3' : null;
/** A contender whose first run takes longer than this gets that one run only: long runs vary little. */
const LONG_RUN_SECONDS = 60;
/** The sites of the one-file case (issue 15: "a file with 40,000 sites finishes in seconds"). */
const SITES = 40000;

// ------------------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const options = { sizes: DEFAULT_SIZES, pythonSizes: DEFAULT_PYTHON_SIZES, runs: 3, seed: 1, maxRunSeconds: 240, timeout: 1800, keep: false, git: true, build: false, only: null, out: path.join(__dirname, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick': options.sizes = 'real,2000@5,sites40k'; options.pythonSizes = '500@5'; options.runs = 1; options.quick = true; break;
      case '--sizes': options.sizes = value(); break;
      case '--python-sizes': options.pythonSizes = value(); break;
      case '--runs': options.runs = Number(value()); break;
      case '--seed': options.seed = Number(value()); break;
      case '--only': options.only = value().split(','); break;
      case '--max-run-seconds': options.maxRunSeconds = Number(value()); break;
      case '--timeout': options.timeout = Number(value()); break;
      case '--out': options.out = path.resolve(value()); break;
      case '--keep': options.keep = true; break;
      case '--no-git': options.git = false; break;
      case '--build': options.build = true; break;
      case '--base': options.base = path.resolve(value()); break;
      case '-h': case '--help':
        console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n?/, '').replace(/^ \* ?/gm, ''));
        process.exit(0);
        break;
      default:
        console.error(`bench: unknown option ${arg} (see --help)`);
        process.exit(2);
    }
  }
  // `--quick` shrinks the default; explicit --sizes/--runs given after it win, given before it lose.
  options.sizes = options.sizes === 'none' ? [] : options.sizes.split(',').map(parseSize);
  options.pythonSizes = options.pythonSizes === 'none' ? [] : options.pythonSizes.split(',').map(parseSize);
  if (options.pythonSizes.some((s) => s.kind !== 'generated')) throw new Error('--python-sizes takes FILES@PERCENT sizes only');
  if (!(options.runs >= 1)) throw new Error('--runs must be at least 1');
  return options;
}

function parseSize(text) {
  const word = text.trim();
  if (word === 'real') return { kind: 'real', label: 'real', files: null, percent: null, legacyShare: null };
  if (word === 'sites40k') return { kind: 'sites', label: 'sites40k', files: null, percent: null, legacyShare: null };
  const match = /^\s*(\d+)\s*@\s*([\d.]+)\s*%?\s*$/.exec(text);
  if (!match) throw new Error(`bad size ${JSON.stringify(text)}: expected real, sites40k or FILES@PERCENT, e.g. 20000@5`);
  const files = Number(match[1]);
  const percent = Number(match[2]);
  return { kind: 'generated', files, percent, legacyShare: percent / 100, label: `${files}@${percent}%` };
}

/** The tree for a size spec, written into `dir`: its stats. */
function buildTree(spec, dir, seed) {
  if (spec.kind === 'real') return buildRealTree(dir);
  if (spec.kind === 'generated') return generateTree(dir, { files: spec.files, legacyShare: spec.legacyShare, seed });
  // One huge file among a few ordinary ones: what the engine does per file must stay bounded.
  const stats = generateTree(dir, { files: 60, legacyShare: 0, seed });
  const lines = ["import { ExecutionEngine } from '../agents/execution_engine_consolidated';", '', 'export function build(ctx: object) {'];
  for (let i = 0; i < SITES; i++) lines.push(`  const e${i} = new ExecutionEngine(ctx);`);
  lines.push('  return e0;', '}', '');
  const text = lines.join('\n');
  fs.mkdirSync(path.join(dir, 'src', 'huge'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'huge', 'many_sites.ts'), text);
  return { ...stats, files: stats.files + 1, bytes: stats.bytes + text.length, hugeFile: { sites: SITES, bytes: text.length } };
}

function commitTree(dir) {
  const git = (...args) => spawnSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' } });
  git('init', '-q');
  git('config', 'gc.auto', '0');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'bench tree');
}

// ------------------------------------------------------------------------------------------------------
// Measuring one process (tree): wall time and peak memory.

function readProcTable() {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (name.charCodeAt(0) > 57) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 2)[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  return children;
}

function descendants(root, table) {
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(table.get(out[i]) ?? []));
  return out;
}

function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    const rss = /VmRSS:\s+(\d+)/.exec(status);
    return { hwm: hwm ? Number(hwm[1]) : 0, rss: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

/**
 * Runs one command; resolves with { seconds, peakKB, code, signal, stdout, stderrTail }.
 * stdout is captured only when `captureStdout` (else it goes to /dev/null); stderr keeps its last 8 KB.
 */
function measure({ argv, cwd, env, captureStdout = false, timeoutSeconds }) {
  return new Promise((resolve) => {
    const timeFile = GNU_TIME ? path.join(os.tmpdir(), `ssot-bench-time-${process.pid}-${Date.now()}`) : null;
    const command = GNU_TIME ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...argv] : argv;
    const started = process.hrtime.bigint();
    const child = spawn(command[0], command.slice(1), {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 16384) stderr = stderr.slice(-8192);
    });
    let peakKB = 0;
    let peakRssKB = 0;
    let tree = [child.pid];
    let polls = 0;
    const poll = () => {
      // The process table is rescanned every 4th poll (new workers); the known tree is read every time.
      if (polls++ % 4 === 0) tree = descendants(child.pid, readProcTable());
      let hwm = 0;
      let rss = 0;
      for (const pid of tree) {
        const m = memoryOf(pid);
        if (m) {
          hwm += m.hwm;
          rss += m.rss;
        }
      }
      peakKB = Math.max(peakKB, hwm);
      peakRssKB = Math.max(peakRssKB, rss);
    };
    const timer = setInterval(poll, 50);
    const killer = setTimeout(() => {
      // Only the processes this run started, by their ids.
      for (const pid of descendants(child.pid, readProcTable()).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }, (timeoutSeconds ?? 1800) * 1000);
    let exited = null;
    child.on('exit', (code, signal) => {
      exited = { seconds: Number(process.hrtime.bigint() - started) / 1e9, code, signal };
      clearInterval(timer);
      clearTimeout(killer);
    });
    child.on('close', () => {
      let timeKB = 0;
      let cpuSeconds = null;
      if (timeFile) {
        try {
          const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
          const [kb, user, system] = lines[lines.length - 1].split(' ').map(Number);
          timeKB = kb || 0;
          // User + system CPU of the command and every process it waited for (jscodeshift's workers too).
          if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
          // GNU time reports a failing command on an extra line; the exit code is still the command's.
        } catch {
          /* no report */
        }
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ ...exited, cpuSeconds, peakKB: Math.max(peakKB, timeKB), peakRssKB, stdout, stderrTail: tail(stderr) });
    });
    child.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({ seconds: 0, cpuSeconds: null, code: null, signal: null, peakKB: 0, stdout, stderrTail: String(error) });
    });
  });
}

function tail(text, lines = 12) {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n').slice(-2000);
}


// ------------------------------------------------------------------------------------------------------
// Contenders.

/** The one-file case: what reprints per site or per node (ts-morph, jscodeshift) is left out. */
const SITES_IDS = ['ours', 'ours-check', 'ast-grep', 'lower-bound', 'lower-oxc', 'lower-read'];

function contenders(tree, patchFile, kind, base) {
  const node = process.execPath;
  const jscodeshift = (extra) => TRANSFORMS.map((t) => ({
    argv: [node, JSCODESHIFT, '--dry', '--silent', '--extensions=ts,tsx,js,jsx', ...extra, '-t', path.join(REPO, 'dist', 'transforms', `${t}.js`), 'src'],
    cwd: tree,
  }));
  const lower = (parser) => [{ argv: [node, LOWER_BOUND, tree, '--parser', parser], cwd: tree, captureStdout: true }];
  const all = [
    { id: 'ours', label: 'ours (apply --dry-run)', steps: [{ argv: [node, BIN, 'apply', '--dry-run', '--out', patchFile], cwd: tree, env: { CI: 'true' } }] },
    { id: 'ours-check', label: 'ours (check)', steps: [{ argv: [node, BIN, 'check', '--format', 'json'], cwd: tree, env: { CI: 'true' } }] },
    { id: 'ast-grep', label: 'ast-grep script', steps: [{ argv: [node, path.join(PEERS, 'ast-grep.js'), tree], cwd: tree, captureStdout: true }] },
    { id: 'ts-morph', label: 'ts-morph script', steps: [{ argv: [node, path.join(PEERS, 'ts-morph.js'), tree], cwd: tree, captureStdout: true }] },
    { id: 'runner', label: 'runner (jscodeshift ×3)', steps: jscodeshift([]) },
    { id: 'typical', label: 'typical (×3, no pre-filter)', steps: jscodeshift(['--prefilter=false']) },
    { id: 'lower-bound', label: 'lower bound (babel)', steps: lower('babel') },
    { id: 'lower-oxc', label: 'lower bound (oxc)', steps: lower('oxc') },
    { id: 'lower-read', label: 'read + pre-filter', steps: lower('none') },
  ];
  if (base) {
    const baseBin = path.join(base, 'dist', 'bin', 'ssot-codemod.js');
    all.splice(2, 0,
      { id: 'base', label: 'base (apply --dry-run)', steps: [{ argv: [node, baseBin, 'apply', '--dry-run', '--out', `${patchFile}.base`], cwd: tree, env: { CI: 'true' } }] },
      { id: 'base-check', label: 'base (check)', steps: [{ argv: [node, baseBin, 'check', '--format', 'json'], cwd: tree, env: { CI: 'true' } }] });
  }
  return kind === 'sites' ? all.filter((c) => SITES_IDS.includes(c.id) || (c.id.startsWith('base') && c.id !== 'base')) : all;
}

/**
 * The Python tree's contenders. LibCST's RenameCommand renames one pair per run: one step per legacy name
 * (`legacy.module.Name` ➔ `canonical.module.Name`) and per moved module, each on a fresh copy of the tree.
 */
function pythonContenders(tree, patchFile) {
  const node = process.execPath;
  const list = [
    { id: 'ours', label: 'ours (apply --dry-run)', steps: [{ argv: [node, BIN, 'apply', '--dry-run', '--out', patchFile], cwd: tree, env: { CI: 'true' } }] },
    { id: 'ours-check', label: 'ours (check)', steps: [{ argv: [node, BIN, 'check', '--format', 'json'], cwd: tree, env: { CI: 'true' } }] },
    { id: 'lower-bound', label: 'lower bound', steps: [{ argv: [node, LOWER_BOUND, tree], cwd: tree, captureStdout: true }] },
  ];
  if (!PYTHON3) return list;
  const registry = JSON.parse(fs.readFileSync(path.join(tree, 'ssot.config.json'), 'utf8'));
  const pairs = [
    ...registry.symbols.flatMap((s) => s.legacy.map((l) => [`${dotted(l.from)}.${l.name}`, `${dotted(s.from)}.${s.name}`])),
    ...registry.modules.map((m) => [dotted(m.from), dotted(m.to)]),
  ];
  const copy = `${tree}-libcst`;
  list.push({
    id: 'libcst',
    label: `LibCST RenameCommand ×${pairs.length}`,
    steps: pairs.map(([from, to]) => ({
      // untimed: a fresh copy of the tree, and LibCST's config in it
      prepare: () => {
        fs.rmSync(copy, { recursive: true, force: true });
        fs.cpSync(tree, copy, { recursive: true });
        fs.writeFileSync(path.join(copy, '.libcst.codemod.yaml'), "generated_code_marker: '@generated'\nformatter: ['cat']\nblacklist_patterns: []\nmodules:\n- 'libcst.codemod.commands'\nrepo_root: '.'\n");
      },
      argv: [PYTHON3, '-m', 'libcst.tool', 'codemod', '--no-format', '--hide-progress', 'rename.RenameCommand', `--old_name=${from}`, `--new_name=${to}`, 'netra_backend'],
      cwd: copy,
    })),
    cleanup: () => fs.rmSync(copy, { recursive: true, force: true }),
  });
  return list;
}

/** A registry name of the Python tree as LibCST wants it: dotted (`a/b/c.py` ➔ `a.b.c`). */
function dotted(name) {
  return name.replace(/\.pyi?$/, '').split('/').join('.');
}

/** One run of a contender: its steps one after another; times summed, peak memory the largest. */
async function runContender(contender, timeoutSeconds) {
  let seconds = 0;
  let cpuSeconds = 0;
  let peakKB = 0;
  let stdout = '';
  for (const step of contender.steps) {
    step.prepare?.();
    const r = await measure({ ...step, timeoutSeconds });
    seconds += r.seconds;
    cpuSeconds = cpuSeconds == null || r.cpuSeconds == null ? null : cpuSeconds + r.cpuSeconds;
    peakKB = Math.max(peakKB, r.peakKB);
    stdout += r.stdout;
    if (r.code !== 0) {
      const what = r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
      contender.cleanup?.();
      return { ok: false, seconds, peakKB, error: `${path.basename(step.argv[1])} ${step.argv.slice(2).join(' ')}: ${what}`, stderrTail: r.stderrTail };
    }
  }
  contender.cleanup?.();
  return { ok: true, seconds, cpuSeconds, peakKB, stdout };
}

// ------------------------------------------------------------------------------------------------------
// Figures.

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const mb = (kb) => Math.round(kb / 1024);
const fmtS = (s) => (s == null ? '–' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtX = (x, digits = 1) => (x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(digits)}×`);

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? cpus.length,
    totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

/** Which code was measured: dist/'s build time and the checkout it came from; the peers' versions. */
function buildInfo() {
  const git = (args) => {
    const r = spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const changed = git(['status', '--porcelain', '--', 'src', 'transforms', 'bin']);
  const version = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return {
    distBuiltAt: fs.existsSync(BIN) ? fs.statSync(BIN).mtime.toISOString() : null,
    gitHead: git(['rev-parse', 'HEAD']),
    uncommittedSourceChanges: changed == null ? null : changed.split('\n').filter(Boolean).length,
    jscodeshift: version('jscodeshift'),
    astGrep: version('@ast-grep/napi'),
    tsMorph: version('ts-morph'),
    oxcParser: version('oxc-parser'),
    babelParser: version('@babel/parser'),
    typeorm: version('typeorm'),
  };
}

function entryOf(size, id) {
  const c = size?.contenders[id];
  return c && c.status === 'ok' ? c : null;
}
function medianOf(size, id) {
  return entryOf(size, id)?.medianSeconds ?? null;
}
function cpuOf(size, id) {
  return entryOf(size, id)?.medianCpuSeconds ?? null;
}

/** Each contender against ours (theirs ÷ ours), wall and CPU; ours and check against the lower bounds. */
function computeRatios(size) {
  const div = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
  const vsOurs = {};
  for (const id of Object.keys(size.contenders)) {
    if (id === 'ours') continue;
    vsOurs[id] = { wall: div(medianOf(size, id), medianOf(size, 'ours')), cpu: div(cpuOf(size, id), cpuOf(size, 'ours')) };
  }
  const vsLower = {};
  for (const id of ['ours', 'ours-check']) {
    vsLower[id] = {
      wall: div(medianOf(size, id), medianOf(size, 'lower-bound')),
      cpu: div(cpuOf(size, id), cpuOf(size, 'lower-bound')),
    };
  }
  return { vsOurs, vsLower };
}

/** The Python tree: LibCST (its runs summed) and the lower bound against ours. */
function computePythonRatios(size) {
  const ours = medianOf(size, 'ours');
  const div = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
  return {
    libcstOverOurs: div(medianOf(size, 'libcst'), ours),
    oursOverLowerBound: div(ours, medianOf(size, 'lower-bound')),
    checkOverLowerBound: div(medianOf(size, 'ours-check'), medianOf(size, 'lower-bound')),
  };
}

/** The same share, the next smaller size that was run: time growth of ours and check. */
function computeGrowth(sizes) {
  for (const size of sizes) {
    if (size.kind !== 'generated') continue;
    const smaller = sizes
      .filter((s) => s.kind === 'generated' && s.legacyShare === size.legacyShare && s.files < size.files)
      .sort((a, b) => b.files - a.files)[0];
    if (!smaller) continue;
    const factor = (id, of) => (of(smaller, id) && of(size, id) ? of(size, id) / of(smaller, id) : null);
    size.growth = {
      from: smaller.label,
      filesFactor: size.files / smaller.files,
      oursTimeFactor: factor('ours', medianOf),
      oursCpuFactor: factor('ours', cpuOf),
      checkTimeFactor: factor('ours-check', medianOf),
      checkCpuFactor: factor('ours-check', cpuOf),
    };
  }
}

function evaluateTargets(sizes) {
  const find = (label) => sizes.find((s) => s.label === label);
  const targets = [];
  const notRun = (label) => ({ status: 'N/A', detail: `${label} not run` });
  const missing = (size, ids) => {
    const bad = ids.filter((id) => medianOf(size, id) == null);
    return bad.length ? { status: 'N/A', detail: `${bad.map((id) => `${id}: ${size.contenders[id]?.status ?? 'not run'}`).join(', ')}` } : null;
  };
  const measureOf = (basis) => (basis === 'cpu' ? cpuOf : medianOf);
  const unit = (basis) => (basis === 'cpu' ? 'CPU s' : 's');

  // "ours ≥ k× faster than X" (X ÷ ours ≥ k), on wall or CPU time.
  const faster = (label, other, k, basis = 'wall') => {
    const size = find(label);
    const what = k === 1 ? `faster than ${other}` : `≥ ${k}× faster than ${other}`;
    const base = { id: `${label}: ${other}/ours >= ${k}x (${basis})`, description: `${label}: ours ${what} (${basis})` };
    if (!size) return { ...base, ...notRun(label) };
    const gap = missing(size, ['ours', other]);
    if (gap) return { ...base, ...gap };
    const ours = measureOf(basis)(size, 'ours');
    const theirs = measureOf(basis)(size, other);
    if (ours == null || theirs == null) return { ...base, status: 'N/A', detail: `no ${basis} figure` };
    const value = theirs / ours;
    if (value >= k) return { ...base, value, status: 'PASS', detail: `${fmtX(value, 2)} (${fmtS(ours)} vs ${fmtS(theirs)} ${unit(basis)})` };
    return { ...base, value, status: 'MISS', detail: `${fmtX(value, 2)} < ${k}×: ours needs ≤ ${fmtS(theirs / k)} ${unit(basis)}, has ${fmtS(ours)} (${Math.round((ours / (theirs / k) - 1) * 100)}% over)` };
  };
  // "id ≤ k× the lower bound", on wall or CPU time.
  const nearLower = (label, id, k, basis = 'wall') => {
    const size = find(label);
    const base = { id: `${label}: ${id}/lower-bound <= ${k}x (${basis})`, description: `${label}: ${id === 'ours' ? 'ours (apply --dry-run)' : 'check'} ≤ ${k}× the babel lower bound (${basis})` };
    if (!size) return { ...base, ...notRun(label) };
    const gap = missing(size, [id, 'lower-bound']);
    if (gap) return { ...base, ...gap };
    const t = measureOf(basis)(size, id);
    const lower = measureOf(basis)(size, 'lower-bound');
    if (t == null || lower == null) return { ...base, status: 'N/A', detail: `no ${basis} figure` };
    const value = t / lower;
    if (value <= k) return { ...base, value, status: 'PASS', detail: `${fmtX(value, 2)} (${fmtS(t)} vs ${fmtS(lower)} ${unit(basis)})` };
    return { ...base, value, status: 'MISS', detail: `${fmtX(value, 2)} > ${k}×: needs ≤ ${fmtS(lower * k)} ${unit(basis)}, has ${fmtS(t)} (${Math.round((value / k - 1) * 100)}% over)` };
  };
  const growth = (id) => {
    const big = find('100000@5%');
    const small = find('20000@5%');
    const base = { id: `20000->100000@5%: ${id} time growth <= 5.5x`, description: `${id === 'ours' ? 'ours' : 'check'} from 20,000 to 100,000 files (5%): time grows ≤ 5.5×` };
    if (!big || !small) return { ...base, ...notRun(!big ? '100000@5%' : '20000@5%') };
    if (medianOf(big, id) == null || medianOf(small, id) == null) return { ...base, status: 'N/A', detail: `${id} did not complete at both sizes` };
    const value = medianOf(big, id) / medianOf(small, id);
    return value <= 5.5
      ? { ...base, value, status: 'PASS', detail: `${fmtX(value, 2)} for 5× the files (${fmtS(medianOf(small, id))} s → ${fmtS(medianOf(big, id))} s)` }
      : { ...base, value, status: 'MISS', detail: `${fmtX(value, 2)} > 5.5×: ${Math.round((value / 5.5 - 1) * 100)}% over` };
  };
  const memory = (id) => {
    const big = find('100000@5%');
    const base = { id: `100000@5%: ${id} peak memory <= 512 MB`, description: `100,000 files (5%): ${id === 'ours' ? 'apply' : 'check'} peak memory ≤ 512 MB` };
    const c = big?.contenders[id];
    if (!big) return { ...base, ...notRun('100000@5%') };
    if (!c || c.status !== 'ok') return { ...base, status: 'N/A', detail: `${id}: ${c?.status ?? 'not run'}` };
    const value = c.peakMB;
    return value <= 512
      ? { ...base, value, status: 'PASS', detail: `${value} MB (${512 - value} MB to spare)` }
      : { ...base, value, status: 'MISS', detail: `${value} MB > 512 MB: ${value - 512} MB (${Math.round((value / 512 - 1) * 100)}%) over` };
  };

  for (const label of ['real', '20000@5%']) {
    targets.push(faster(label, 'ast-grep', 1, 'cpu'), faster(label, 'ast-grep', 1, 'wall'));
    for (const id of ['ours', 'ours-check']) targets.push(nearLower(label, id, 1.3, 'cpu'), nearLower(label, id, 1.3, 'wall'));
  }
  targets.push(memory('ours'), memory('ours-check'), growth('ours'), growth('ours-check'));
  {
    const size = find('sites40k');
    const base = { id: 'sites40k: ours < 5 s', description: `one file with ${SITES.toLocaleString('en-US')} sites: apply --dry-run < 5 s (wall)` };
    const t = medianOf(size, 'ours');
    if (!size) targets.push({ ...base, ...notRun('sites40k') });
    else if (t == null && size.contenders.ours?.status === 'failed') {
      // Killed at --timeout (or failed): the target is missed by at least that much.
      const after = size.contenders.ours.failedAfterSeconds;
      targets.push({ ...base, status: 'MISS', detail: `did not finish: ${size.contenders.ours.error} after ${fmtS(after)} s (≥ ${Math.round((after / 5 - 1) * 100)}% over)` });
    } else if (t == null) targets.push({ ...base, status: 'N/A', detail: `ours: ${size.contenders.ours?.status ?? 'not run'}` });
    else targets.push(t < 5 ? { ...base, value: t, status: 'PASS', detail: `${fmtS(t)} s` } : { ...base, value: t, status: 'MISS', detail: `${fmtS(t)} s ≥ 5 s (${Math.round((t / 5 - 1) * 100)}% over)` });
  }
  // The earlier issue's targets, still held.
  targets.push(faster('20000@5%', 'typical', 15), faster('20000@5%', 'runner', 3), faster('2000@100%', 'typical', 3));
  return targets;
}

// ------------------------------------------------------------------------------------------------------
// Printing.

function table(rows, align) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function render(results) {
  const out = [];
  const m = results.machine;
  out.push(`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryMB} MB, Node ${m.node}; load average at start ${m.loadAverageAtStart?.join(' ')}`);
  out.push(`Runs per contender: up to ${results.options.runs} (median shown; one run when the first takes over ${LONG_RUN_SECONDS} s); seed ${results.options.seed}`);
  out.push('');
  if (results.sizes.length === 0) return [...out, ...renderPython(results)].join('\n');
  const rows = [['tree', 'contender', 'runs', 'wall s', 'CPU s', 'peak MB', 'wall ÷ ours', 'CPU ÷ ours', 'note']];
  for (const size of results.sizes) {
    for (const c of Object.values(size.contenders)) {
      const ok = c.status === 'ok';
      const r = size.ratios?.vsOurs[c.id];
      const note = ok ? c.note ?? '' : c.status === 'skipped' ? `SKIPPED: ${c.note}` : `FAILED: ${c.error}`;
      rows.push([size.label, c.label, ok ? c.runs.length : 0, ok ? fmtS(c.medianSeconds) : '–', ok ? fmtS(c.medianCpuSeconds) : '–', ok ? c.peakMB : '–',
        c.id === 'ours' ? '' : fmtX(r?.wall, 2), c.id === 'ours' ? '' : fmtX(r?.cpu, 2), note]);
    }
    if (size.growth) {
      const g = size.growth;
      rows.push([size.label, `growth from ${g.from}`, '', fmtX(g.oursTimeFactor, 2), fmtX(g.oursCpuFactor, 2), '', '', '', `ours for ${fmtX(g.filesFactor, 0)} the files; check ${fmtX(g.checkTimeFactor, 2)} wall, ${fmtX(g.checkCpuFactor, 2)} CPU`]);
    }
  }
  out.push(table(rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  out.push('');
  out.push(...renderPython(results));
  out.push('Targets:');
  for (const t of results.targets) out.push(`  ${t.status.padEnd(4)}  ${t.description}: ${t.detail}`);
  for (const size of results.sizes) {
    for (const c of Object.values(size.contenders)) {
      if (c.status === 'failed' && c.stderrTail) out.push('', `${size.label} ${c.label} failed; stderr tail:`, c.stderrTail.replace(/^/gm, '  | '));
    }
  }
  return out.join('\n');
}

/** The Python tree's table and ratios. */
function renderPython(results) {
  const out = [];
  if (results.python.sizes.length > 0) {
    out.push(`Python tree (${PYTHON3 ? 'LibCST found' : 'no libcst in python3: ours against the parse-only lower bound'}):`);
    const pyRows = [['size', 'contender', 'runs', 'median s', 'peak MB', 'note']];
    for (const size of results.python.sizes) {
      for (const c of Object.values(size.contenders)) {
        const note = c.status === 'ok' ? c.note ?? '' : c.status === 'skipped' ? `SKIPPED: ${c.note}` : `FAILED: ${c.error}`;
        pyRows.push([size.label, c.label, c.status === 'ok' ? c.runs.length : 0, c.status === 'ok' ? fmtS(c.medianSeconds) : '–', c.status === 'ok' ? c.peakMB : '–', note]);
      }
    }
    out.push(table(pyRows, ['l', 'l', 'r', 'r', 'r', 'l']));
    const pyRatios = [['size', 'libcst/ours', 'ours/lower', 'check/lower']];
    for (const size of results.python.sizes) {
      const r = size.ratios ?? {};
      pyRatios.push([size.label, fmtX(r.libcstOverOurs), fmtX(r.oursOverLowerBound, 2), fmtX(r.checkOverLowerBound, 2)]);
    }
    out.push('', table(pyRatios, ['l', 'r', 'r', 'r']), '');
    for (const size of results.python.sizes) {
      for (const c of Object.values(size.contenders)) {
        if (c.status === 'failed' && c.stderrTail) out.push('', `python ${size.label} ${c.label} failed; stderr tail:`, c.stderrTail.replace(/^/gm, '  | '), '');
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------

function ensureBuilt(force) {
  const needed = [BIN, ...TRANSFORMS.map((t) => path.join(REPO, 'dist', 'transforms', `${t}.js`)), path.join(REPO, 'dist', 'src', 'languages', 'javascript', 'parse.js'), path.join(REPO, 'dist', 'src', 'languages', 'python', 'parse.js')];
  if (!force && needed.every((f) => fs.existsSync(f))) return;
  console.error('bench: building dist/ (npm run build) …');
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

/** What a contender's one-line JSON summary says (peers and lower bounds print one). */
function summaryOf(stdout) {
  try {
    return JSON.parse(stdout.trim().split('\n').pop());
  } catch {
    return null;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureBuilt(options.build);
  if (!fs.existsSync(JSCODESHIFT)) {
    console.error('bench: node_modules/jscodeshift is missing: run npm ci');
    process.exit(1);
  }
  const log = (...a) => console.error(...a);
  const results = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    build: buildInfo(),
    options: { sizes: options.sizes.map((s) => s.label), pythonSizes: options.pythonSizes.map((s) => s.label), runs: options.runs, seed: options.seed, maxRunSeconds: options.maxRunSeconds, only: options.only, git: options.git },
    method: {
      wallTime: 'median over runs, spawn to exit, seconds; runner/typical: three jscodeshift invocations summed',
      cpuTime: 'median over runs of user + system seconds of the process and the children it waited for (/usr/bin/time)',
      peakMemory: 'MB; max over runs of the peak of the sum of VmHWM over the live process tree (polled every 50 ms), and at least /usr/bin/time %M',
    },
    sizes: [],
    python: { sizes: [] },
    targets: [],
  };
  const save = () => {
    computeGrowth(results.sizes);
    for (const size of results.python.sizes) size.ratios = computePythonRatios(size);
    results.targets = evaluateTargets(results.sizes);
    fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  };

  const kinds = [
    { name: 'js', specs: options.sizes, sizes: results.sizes, build: (spec, tree) => buildTree(spec, tree, options.seed), contenders: (tree, patchFile, spec) => contenders(tree, patchFile, spec.kind, options.base) },
    {
      name: 'python', specs: options.pythonSizes, sizes: results.python.sizes,
      build: (spec, tree) => generatePythonTree(tree, { files: spec.files, legacyShare: spec.legacyShare, seed: options.seed }),
      contenders: (tree, patchFile) => pythonContenders(tree, patchFile),
    },
  ];
  for (const kind of kinds) {
    for (const spec of kind.specs) {
      const tree = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-bench-${kind.name}-${spec.label.replace(/[^\w]/g, '-')}-`));
      const patchFile = path.join(os.tmpdir(), `ssot-bench-${process.pid}.patch`);
      try {
        log(`\n[${kind.name === 'python' ? 'python ' : ''}${spec.label}] writing the tree in ${tree} …`);
        const genStart = process.hrtime.bigint();
        const stats = kind.build(spec, tree);
        if (options.git) commitTree(tree);
        const size = {
          label: spec.label, kind: spec.kind, files: spec.files ?? stats.files, percent: spec.percent, legacyShare: spec.legacyShare,
          tree: { ...stats, megabytes: +(stats.bytes / 1048576).toFixed(1), git: options.git },
          generateSeconds: Number(process.hrtime.bigint() - genStart) / 1e9,
          contenders: {},
        };
        delete size.tree.dir;
        kind.sizes.push(size);
        log(`[${spec.label}] ${stats.files} files (${size.tree.megabytes} MB) in ${size.generateSeconds.toFixed(1)} s`);
        // Same start for every contender: the new files flushed to disk, then read once (untimed), so that no
        // run pays for write-back or a cold cache that the others do not.
        spawnSync('sync', { stdio: 'ignore' });
        const warm = await measure({ argv: [process.execPath, LOWER_BOUND, tree, '--parser', 'none'], cwd: tree, captureStdout: true, timeoutSeconds: options.timeout });
        size.warmupSeconds = +warm.seconds.toFixed(3);

        const all = kind.contenders(tree, patchFile, spec).filter((c) => !options.only || options.only.includes(c.id));
        for (const c of all) {
          size.contenders[c.id] = { id: c.id, label: c.label, command: c.steps.map((s) => s.argv.slice(1).map((a) => a.replace(REPO + path.sep, '').replace(tree, '<tree>')).join(' ')), status: 'pending', runs: [], cpu: [], peaks: [] };
          const estimate = estimateSeconds(kind.sizes, size, c.id);
          if (estimate != null && estimate > options.maxRunSeconds) {
            Object.assign(size.contenders[c.id], { status: 'skipped', estimateSeconds: estimate, note: `would take ~${Math.round(estimate)} s per run (scaled from a smaller size), over --max-run-seconds ${options.maxRunSeconds}` });
            log(`[${spec.label}] ${c.label}: skipped (estimated ~${Math.round(estimate)} s per run)`);
          }
        }
        for (let round = 0; round < options.runs; round++) {
          for (const c of all) {
            const entry = size.contenders[c.id];
            if (entry.status === 'skipped' || entry.status === 'failed') continue;
            if (round > 0 && entry.runs[0] > LONG_RUN_SECONDS) continue;
            const r = await runContender(c, options.timeout);
            if (!r.ok) {
              Object.assign(entry, { status: 'failed', error: r.error, stderrTail: r.stderrTail, failedAfterSeconds: r.seconds });
              log(`[${spec.label}] ${c.label}: FAILED (${r.error})\n${r.stderrTail}`);
              continue;
            }
            entry.runs.push(+r.seconds.toFixed(3));
            if (r.cpuSeconds != null) entry.cpu.push(+r.cpuSeconds.toFixed(3));
            entry.peaks.push(mb(r.peakKB));
            const summary = summaryOf(r.stdout);
            if (summary && round === 0) {
              entry.summary = summary;
              if (c.id.startsWith('lower')) entry.note = `${summary.parsed.toLocaleString('en-US')} of ${summary.files.toLocaleString('en-US')} files ${c.id === 'lower-read' ? 'pass the pre-filter' : 'parsed'}`;
              else entry.note = `${summary.changed.toLocaleString('en-US')} files changed, ${summary.parsed.toLocaleString('en-US')} parsed`;
            }
            if (c.id === 'ours' && round === 0) {
              const patch = fs.existsSync(patchFile) ? fs.readFileSync(patchFile, 'utf8') : '';
              const changed = (patch.match(/^diff --git /gm) ?? []).length;
              entry.note = `${changed.toLocaleString('en-US')} files changed`;
              entry.patchBytes = Buffer.byteLength(patch);
              entry.changedFiles = changed;
            }
            log(`[${spec.label}] ${c.label}: run ${entry.runs.length}: ${fmtS(r.seconds)} s, ${fmtS(r.cpuSeconds)} CPU s, ${mb(r.peakKB)} MB`);
          }
        }
        for (const entry of Object.values(size.contenders)) {
          if (entry.status !== 'pending') continue;
          entry.status = 'ok';
          entry.medianSeconds = +median(entry.runs).toFixed(3);
          entry.medianCpuSeconds = entry.cpu.length ? +median(entry.cpu).toFixed(3) : null;
          entry.peakMB = Math.max(...entry.peaks);
        }
        size.ratios = computeRatios(size);
        save();
      } finally {
        fs.rmSync(patchFile, { force: true });
        fs.rmSync(`${patchFile}.base`, { force: true });
        if (options.keep) log(`[${spec.label}] tree kept in ${tree}`);
        else fs.rmSync(tree, { recursive: true, force: true, maxRetries: 5 });
      }
    }
  }
  save();
  console.log(render(results));
  const shown = path.relative(process.cwd(), options.out);
  console.log(`\nResults written to ${shown && !shown.startsWith('..') ? shown : options.out}`);
}

/** From the largest smaller generated size already run (same share preferred), scaled linearly by file count. */
function estimateSeconds(sizes, size, id) {
  if (size.kind !== 'generated') return null;
  const candidates = sizes.filter((s) => s !== size && s.kind === 'generated' && s.files < size.files && medianOf(s, id) != null);
  if (!candidates.length) return null;
  candidates.sort((a, b) => (b.legacyShare === size.legacyShare) - (a.legacyShare === size.legacyShare) || b.files - a.files);
  const from = candidates[0];
  return medianOf(from, id) * (size.files / from.files);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
