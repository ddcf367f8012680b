#!/usr/bin/env node
/**
 * `npm run bench`: ssot-codemod against jscodeshift's own runner, on generated app-shaped trees.
 *
 * Contenders, each run in the generated tree (the same tree for all of them, generated once per size):
 *   ours        ssot-codemod apply --dry-run --out <tmp>          (all three transforms, CI=true)
 *   ours-check  ssot-codemod check --format json > /dev/null
 *   runner      jscodeshift --dry --silent --extensions=ts,tsx,js,jsx -t <transform> src, once per transform
 *               (three invocations, times summed, default options: it picks its own worker count)
 *   typical     the runner with --prefilter=false: every file parsed by every transform, which is how a
 *               transform written for jscodeshift alone behaves
 *   lower-bound bench/lower-bound.js: list, read, pre-filter, parse the matching files once; one thread
 *
 * Then a Python tree (bench/generate-python.js: the registry of examples/netra-python and N feature
 * modules), with ours, ours-check and the lower bound (pyright's parser), and LibCST's RenameCommand
 * (`python3 -m libcst.tool codemod --no-format rename.RenameCommand`) when python3 has libcst: it renames
 * one (old, new) pair per run, so it runs once per legacy name and moved module of the registry, on a fresh
 * copy of the tree each time (the copy untimed), times summed. It does no direct-instantiation.
 *
 * Wall time: median over the runs. Peak memory: the whole process tree (worker threads share their
 * process's RSS; jscodeshift's workers are child processes), polled from /proc every 50 ms as the sum of
 * VmHWM over the tree's live processes, and at least what /usr/bin/time -f %M reports, when present.
 *
 *   npm run bench                                    # 2000@5%, 20000@5%, 100000@5%, 2000@100%; Python 500@5%, 20000@5%; 3 runs
 *   npm run bench -- --quick                         # 2000@5% and 2000@100%, Python 500@5%, 1 run
 *   npm run bench -- --sizes 20000@5 --runs 5 --only ours,lower
 *   npm run bench -- --python-sizes 2000@5 --sizes none   # the Python tree alone (`none`: no tree of that kind)
 *
 * Options: --sizes N@P[,N@P…]  --python-sizes N@P[,N@P…]  --runs N  --quick  --only a,b  --seed N  --max-run-seconds S (a contender
 * whose estimated run time is over S is skipped at that size; default 240)  --timeout S (per run; default
 * 1800)  --keep (keep the trees)  --out FILE (default bench/results.json)  --build (rebuild dist/ first).
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateTree } = require('./generate');
const { generatePythonTree } = require('./generate-python');

const REPO = path.join(__dirname, '..');
const BIN = path.join(REPO, 'dist', 'bin', 'ssot-codemod.js');
const JSCODESHIFT = path.join(REPO, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const TRANSFORMS = ['direct-instantiation', 'consolidated-paths', 'aliased-imports'];
const LOWER_BOUND = path.join(__dirname, 'lower-bound.js');
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const DEFAULT_SIZES = '2000@5,20000@5,100000@5,2000@100';
const DEFAULT_PYTHON_SIZES = '500@5,20000@5';
const PYTHON3 = spawnSync('python3', ['-c', 'import libcst'], { stdio: 'ignore' }).status === 0 ? 'python3' : null;
/** A contender whose first run takes longer than this gets that one run only: long runs vary little. */
const LONG_RUN_SECONDS = 60;

// ------------------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const options = { sizes: DEFAULT_SIZES, pythonSizes: DEFAULT_PYTHON_SIZES, runs: 3, seed: 1, maxRunSeconds: 240, timeout: 1800, keep: false, build: false, only: null, out: path.join(__dirname, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick': options.sizes = '2000@5,2000@100'; options.pythonSizes = '500@5'; options.runs = 1; options.quick = true; break;
      case '--sizes': options.sizes = value(); break;
      case '--python-sizes': options.pythonSizes = value(); break;
      case '--runs': options.runs = Number(value()); break;
      case '--seed': options.seed = Number(value()); break;
      case '--only': options.only = value().split(','); break;
      case '--max-run-seconds': options.maxRunSeconds = Number(value()); break;
      case '--timeout': options.timeout = Number(value()); break;
      case '--out': options.out = path.resolve(value()); break;
      case '--keep': options.keep = true; break;
      case '--build': options.build = true; break;
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
  if (!(options.runs >= 1)) throw new Error('--runs must be at least 1');
  return options;
}

function parseSize(text) {
  const match = /^\s*(\d+)\s*@\s*([\d.]+)\s*%?\s*$/.exec(text);
  if (!match) throw new Error(`bad size ${JSON.stringify(text)}: expected FILES@PERCENT, e.g. 20000@5`);
  const files = Number(match[1]);
  const percent = Number(match[2]);
  return { files, percent, legacyShare: percent / 100, label: `${files}@${percent}%` };
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
    const command = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', timeFile, ...argv] : argv;
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
      if (timeFile) {
        try {
          const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
          timeKB = Number(lines[lines.length - 1]) || 0;
          // GNU time reports a failing command on an extra line; the exit code is still the command's.
        } catch {
          /* no report */
        }
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ ...exited, peakKB: Math.max(peakKB, timeKB), peakRssKB, stdout, stderrTail: tail(stderr) });
    });
    child.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({ seconds: 0, code: null, signal: null, peakKB: 0, stdout, stderrTail: String(error) });
    });
  });
}

function tail(text, lines = 12) {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n').slice(-2000);
}

// ------------------------------------------------------------------------------------------------------
// Contenders.

function contenders(tree, patchFile) {
  const node = process.execPath;
  const jscodeshift = (extra) => TRANSFORMS.map((t) => ({
    argv: [node, JSCODESHIFT, '--dry', '--silent', '--extensions=ts,tsx,js,jsx', ...extra, '-t', path.join(REPO, 'dist', 'transforms', `${t}.js`), 'src'],
    cwd: tree,
  }));
  return [
    { id: 'ours', label: 'ours (apply --dry-run)', steps: [{ argv: [node, BIN, 'apply', '--dry-run', '--out', patchFile], cwd: tree, env: { CI: 'true' } }] },
    { id: 'ours-check', label: 'ours (check)', steps: [{ argv: [node, BIN, 'check', '--format', 'json'], cwd: tree, env: { CI: 'true' } }] },
    { id: 'runner', label: 'runner (jscodeshift ×3)', steps: jscodeshift([]) },
    { id: 'typical', label: 'typical (×3, no pre-filter)', steps: jscodeshift(['--prefilter=false']) },
    { id: 'lower-bound', label: 'lower bound', steps: [{ argv: [node, LOWER_BOUND, tree], cwd: tree, captureStdout: true }] },
  ];
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
  let peakKB = 0;
  let stdout = '';
  for (const step of contender.steps) {
    step.prepare?.();
    const r = await measure({ ...step, timeoutSeconds });
    seconds += r.seconds;
    peakKB = Math.max(peakKB, r.peakKB);
    stdout += r.stdout;
    if (r.code !== 0) {
      const what = r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
      contender.cleanup?.();
      return { ok: false, seconds, peakKB, error: `${path.basename(step.argv[1])} ${step.argv.slice(2).join(' ')}: ${what}`, stderrTail: r.stderrTail };
    }
  }
  contender.cleanup?.();
  return { ok: true, seconds, peakKB, stdout };
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
  };
}

/** Which code was measured: dist/'s build time and the checkout it came from. */
function buildInfo() {
  const git = (args) => {
    const r = spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const changed = git(['status', '--porcelain', '--', 'src', 'transforms', 'bin']);
  return {
    distBuiltAt: fs.existsSync(BIN) ? fs.statSync(BIN).mtime.toISOString() : null,
    gitHead: git(['rev-parse', 'HEAD']),
    uncommittedSourceChanges: changed == null ? null : changed.split('\n').filter(Boolean).length,
    jscodeshift: JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'jscodeshift', 'package.json'), 'utf8')).version,
  };
}

function medianOf(size, id) {
  const c = size?.contenders[id];
  return c && c.status === 'ok' ? c.medianSeconds : null;
}

function computeRatios(size) {
  const ours = medianOf(size, 'ours');
  const check = medianOf(size, 'ours-check');
  const runner = medianOf(size, 'runner');
  const typical = medianOf(size, 'typical');
  const lower = medianOf(size, 'lower-bound');
  const div = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
  return {
    typicalOverOurs: div(typical, ours),
    runnerOverOurs: div(runner, ours),
    oursOverLowerBound: div(ours, lower),
    checkOverLowerBound: div(check, lower),
  };
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

/** The same share, the next smaller size that was run: time and memory growth of ours. */
function computeGrowth(sizes) {
  for (const size of sizes) {
    const smaller = sizes
      .filter((s) => s.legacyShare === size.legacyShare && s.files < size.files)
      .sort((a, b) => b.files - a.files)[0];
    if (!smaller) continue;
    const a = medianOf(smaller, 'ours');
    const b = medianOf(size, 'ours');
    size.growth = {
      from: smaller.label,
      filesFactor: size.files / smaller.files,
      oursTimeFactor: a && b ? b / a : null,
      checkTimeFactor: medianOf(smaller, 'ours-check') && medianOf(size, 'ours-check') ? medianOf(size, 'ours-check') / medianOf(smaller, 'ours-check') : null,
    };
  }
}

function evaluateTargets(sizes) {
  const find = (files, percent) => sizes.find((s) => s.files === files && s.percent === percent);
  const targets = [];
  const notRun = (label) => ({ status: 'N/A', detail: `${label} not run` });
  const missing = (size, ids) => {
    const bad = ids.filter((id) => medianOf(size, id) == null);
    return bad.length ? { status: 'N/A', detail: `${bad.map((id) => `${id}: ${size.contenders[id]?.status ?? 'not run'}`).join(', ')}` } : null;
  };

  // "ours ≥ k× faster than X": X / ours ≥ k.
  const faster = (files, percent, other, k) => {
    const size = find(files, percent);
    const base = { id: `${files}@${percent}%: ${other}/ours >= ${k}x`, description: `${files.toLocaleString('en-US')} files at ${percent}%: ours ≥ ${k}× faster than ${other}` };
    if (!size) return { ...base, ...notRun(`${files}@${percent}%`) };
    const gap = missing(size, ['ours', other]);
    if (gap) return { ...base, ...gap };
    const ours = medianOf(size, 'ours');
    const theirs = medianOf(size, other);
    const value = theirs / ours;
    if (value >= k) return { ...base, value, status: 'PASS', detail: `${fmtX(value)} (margin ${fmtX(value / k, 2)})` };
    return { ...base, value, status: 'MISS', detail: `${fmtX(value)} < ${k}×: short by ${fmtX(k / value, 2)} — ours needs ≤ ${fmtS(theirs / k)} s, has ${fmtS(ours)} s (−${Math.round((1 - theirs / k / ours) * 100)}%)` };
  };
  // "id ≤ k× the lower bound".
  const nearLower = (files, percent, id, k) => {
    const size = find(files, percent);
    const base = { id: `${files}@${percent}%: ${id}/lower-bound <= ${k}x`, description: `${files.toLocaleString('en-US')} files at ${percent}%: ${id === 'ours' ? 'ours (apply --dry-run)' : 'check'} ≤ ${k}× the lower bound` };
    if (!size) return { ...base, ...notRun(`${files}@${percent}%`) };
    const gap = missing(size, [id, 'lower-bound']);
    if (gap) return { ...base, ...gap };
    const t = medianOf(size, id);
    const lower = medianOf(size, 'lower-bound');
    const value = t / lower;
    if (value <= k) return { ...base, value, status: 'PASS', detail: `${fmtX(value, 2)} (${fmtS(t)} s vs ${fmtS(lower)} s)` };
    return { ...base, value, status: 'MISS', detail: `${fmtX(value, 2)} > ${k}×: ${Math.round((value / k - 1) * 100)}% over — needs ≤ ${fmtS(lower * k)} s, has ${fmtS(t)} s (−${Math.round((1 - (lower * k) / t) * 100)}%)` };
  };

  targets.push(faster(20000, 5, 'typical', 15));
  targets.push(faster(20000, 5, 'runner', 3));
  targets.push(nearLower(20000, 5, 'ours', 1.5));
  targets.push(faster(2000, 100, 'typical', 3));
  {
    const big = find(100000, 5);
    const base = { id: '20000->100000@5%: ours time growth <= 5.5x', description: 'ours from 20,000 to 100,000 files (5%): time grows ≤ 5.5× (no worse than linear)' };
    const small = find(20000, 5);
    if (!big || !small) targets.push({ ...base, ...notRun(!big ? '100000@5%' : '20000@5%') });
    else if (medianOf(big, 'ours') == null || medianOf(small, 'ours') == null) targets.push({ ...base, status: 'N/A', detail: 'ours did not complete at both sizes' });
    else {
      const value = medianOf(big, 'ours') / medianOf(small, 'ours');
      targets.push(value <= 5.5
        ? { ...base, value, status: 'PASS', detail: `${fmtX(value, 2)} for 5× the files (${fmtS(medianOf(small, 'ours'))} s → ${fmtS(medianOf(big, 'ours'))} s)` }
        : { ...base, value, status: 'MISS', detail: `${fmtX(value, 2)} > 5.5×: ${Math.round((value / 5.5 - 1) * 100)}% over — 100k needs ≤ ${fmtS(medianOf(small, 'ours') * 5.5)} s, has ${fmtS(medianOf(big, 'ours'))} s` });
    }
  }
  {
    const big = find(100000, 5);
    const base = { id: '100000@5%: ours peak memory <= 512 MB', description: 'ours at 100,000 files (5%): peak memory ≤ 512 MB' };
    const c = big?.contenders.ours;
    if (!big) targets.push({ ...base, ...notRun('100000@5%') });
    else if (!c || c.status !== 'ok') targets.push({ ...base, status: 'N/A', detail: `ours: ${c?.status ?? 'not run'}` });
    else {
      const value = c.peakMB;
      targets.push(value <= 512
        ? { ...base, value, status: 'PASS', detail: `${value} MB (${512 - value} MB to spare)` }
        : { ...base, value, status: 'MISS', detail: `${value} MB > 512 MB: ${value - 512} MB (${Math.round((value / 512 - 1) * 100)}%) over` });
    }
  }
  targets.push(nearLower(20000, 5, 'ours-check', 1.5));
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
  out.push(`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryMB} MB, Node ${m.node}`);
  out.push(`Runs per contender: up to ${results.options.runs} (median shown; one run when the first takes over ${LONG_RUN_SECONDS} s); seed ${results.options.seed}`);
  out.push('');
  if (results.sizes.length === 0) return [...out, ...renderPython(results)].join('\n');
  const rows = [['size', 'contender', 'runs', 'median s', 'peak MB', 'vs ours', 'vs lower bound', 'note']];
  for (const size of results.sizes) {
    const ours = medianOf(size, 'ours');
    const lower = medianOf(size, 'lower-bound');
    for (const c of Object.values(size.contenders)) {
      const t = c.status === 'ok' ? c.medianSeconds : null;
      const vsOurs = c.id === 'ours' || t == null || ours == null ? '' : c.id === 'ours-check' || c.id === 'lower-bound' ? fmtX(t / ours, 2) : `${fmtX(t / ours)} slower`;
      const vsLower = t == null || lower == null || c.id === 'lower-bound' ? '' : fmtX(t / lower, 2);
      const note = c.status === 'ok' ? c.note ?? '' : c.status === 'skipped' ? `SKIPPED: ${c.note}` : `FAILED: ${c.error}`;
      rows.push([size.label, c.label, c.status === 'ok' ? c.runs.length : 0, c.status === 'ok' ? fmtS(t) : '–', c.status === 'ok' ? c.peakMB : '–', vsOurs, vsLower, note]);
    }
    if (size.growth) {
      const g = size.growth;
      rows.push([size.label, `growth from ${g.from}`, '', g.oursTimeFactor ? fmtX(g.oursTimeFactor, 2) : '–', '', '', '', `ours time for ${fmtX(g.filesFactor, 0)} the files${g.checkTimeFactor ? `; check ${fmtX(g.checkTimeFactor, 2)}` : ''}`]);
    }
  }
  out.push(table(rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l']));
  out.push('');
  out.push('Ratios (medians): typical/ours, runner/ours, ours/lower-bound, check/lower-bound');
  const ratioRows = [['size', 'typical/ours', 'runner/ours', 'ours/lower', 'check/lower']];
  for (const size of results.sizes) {
    const r = size.ratios;
    ratioRows.push([size.label, fmtX(r.typicalOverOurs), fmtX(r.runnerOverOurs), fmtX(r.oursOverLowerBound, 2), fmtX(r.checkOverLowerBound, 2)]);
  }
  out.push(table(ratioRows, ['l', 'r', 'r', 'r', 'r']));
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
    options: { sizes: options.sizes.map((s) => s.label), pythonSizes: options.pythonSizes.map((s) => s.label), runs: options.runs, seed: options.seed, maxRunSeconds: options.maxRunSeconds, only: options.only },
    method: {
      wallTime: 'median over runs, spawn to exit, seconds; runner/typical: three jscodeshift invocations summed',
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
    { name: 'js', specs: options.sizes, sizes: results.sizes, generate: generateTree, contenders },
    { name: 'python', specs: options.pythonSizes, sizes: results.python.sizes, generate: generatePythonTree, contenders: pythonContenders },
  ];
  for (const kind of kinds) {
    for (const spec of kind.specs) {
      const tree = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-bench-${kind.name}-${spec.files}-${spec.percent}-`));
      const patchFile = path.join(os.tmpdir(), `ssot-bench-${process.pid}.patch`);
      try {
        const tag = kind.name === 'python' ? `python ${spec.label}` : spec.label;
        log(`\n[${tag}] generating ${spec.files.toLocaleString('en-US')} files in ${tree} …`);
        const genStart = process.hrtime.bigint();
        const stats = kind.generate(tree, { files: spec.files, legacyShare: spec.legacyShare, seed: options.seed });
        const size = {
          label: spec.label, files: spec.files, percent: spec.percent, legacyShare: spec.legacyShare,
          tree: { ...stats, megabytes: +(stats.bytes / 1048576).toFixed(1) },
          generateSeconds: Number(process.hrtime.bigint() - genStart) / 1e9,
          contenders: {},
        };
        kind.sizes.push(size);
        log(`[${spec.label}] ${stats.files} files (${size.tree.megabytes} MB, ${stats.legacyFiles} with legacy patterns) in ${size.generateSeconds.toFixed(1)} s`);
        // Same start for every contender: the new files flushed to disk, then read once (untimed), so that no
        // run pays for write-back or a cold cache that the others do not.
        spawnSync('sync', { stdio: 'ignore' });
        const warm = await measure({ argv: [process.execPath, LOWER_BOUND, tree], cwd: tree, captureStdout: true, timeoutSeconds: options.timeout });
        size.warmupSeconds = +warm.seconds.toFixed(3);
        log(`[${spec.label}] warm-up read (untimed): ${fmtS(warm.seconds)} s`);

        const all = kind.contenders(tree, patchFile).filter((c) => !options.only || options.only.includes(c.id));
        for (const c of all) {
          size.contenders[c.id] = { id: c.id, label: c.label, command: c.steps.map((s) => s.argv.slice(1).map((a) => a.replace(REPO + path.sep, '').replace(tree, '<tree>')).join(' ')), status: 'pending', runs: [], peaks: [] };
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
            entry.peaks.push(mb(r.peakKB));
            if (c.id === 'lower-bound') {
              try {
                const info = JSON.parse(r.stdout.trim().split('\n').pop());
                entry.note = `${info.parsed.toLocaleString('en-US')} of ${info.files.toLocaleString('en-US')} files parsed`;
                entry.lowerBound = info;
              } catch {
                /* no summary */
              }
            }
            if (c.id === 'ours' && round === 0) {
              const patch = fs.existsSync(patchFile) ? fs.readFileSync(patchFile, 'utf8') : '';
              const changed = (patch.match(/^diff --git /gm) ?? []).length;
              entry.note = `patch: ${changed.toLocaleString('en-US')} files changed`;
              entry.patchBytes = Buffer.byteLength(patch);
              entry.changedFiles = changed;
            }
            log(`[${spec.label}] ${c.label}: run ${entry.runs.length}: ${fmtS(r.seconds)} s, ${mb(r.peakKB)} MB`);
          }
        }
        for (const entry of Object.values(size.contenders)) {
          if (entry.status !== 'pending') continue;
          entry.status = 'ok';
          entry.medianSeconds = +median(entry.runs).toFixed(3);
          entry.peakMB = Math.max(...entry.peaks);
        }
        size.ratios = computeRatios(size);
        save();
      } finally {
        fs.rmSync(patchFile, { force: true });
        if (options.keep) log(`[${spec.label}] tree kept in ${tree}`);
        else fs.rmSync(tree, { recursive: true, force: true });
      }
    }
  }
  save();
  console.log(render(results));
  const shown = path.relative(process.cwd(), options.out);
  console.log(`\nResults written to ${shown && !shown.startsWith('..') ? shown : options.out}`);
}

/** From the largest smaller size already run (same share preferred), scaled linearly by file count. */
function estimateSeconds(sizes, size, id) {
  const candidates = sizes.filter((s) => s !== size && s.files < size.files && medianOf(s, id) != null);
  if (!candidates.length) return null;
  candidates.sort((a, b) => (b.legacyShare === size.legacyShare) - (a.legacyShare === size.legacyShare) || b.files - a.files);
  const from = candidates[0];
  return medianOf(from, id) * (size.files / from.files);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
