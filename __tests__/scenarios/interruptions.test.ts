/**
 * Lose nothing the user writes, report no false success (the hardening issue's high and medium items), on
 * the built CLI and a temporary git repository holding the example codebase: a user's save during verify,
 * a recover suspended while another apply starts, nested registries, commits that fail or that a hook
 * reformats, locks that name a pid that is not ours, journals that are damaged.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { BIN, cli, exampleRepo, REPO, stateDirOf } from '../helpers/cli';
import { temporarySibling } from '../../src/shared/fs';

afterAll(removeTempDirs);

const ENV = { ...process.env, CI: 'true' };
const PAUSE = path.join(REPO, 'scripts', 'soak-faults', 'pause-on-read.js');

/** Every file a user sees (not .git), as text. */
function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (dir === root && (entry.name === '.git' || entry.name === '.ssot-codemod')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

let pristine: Record<string, string>;
/** The example after a whole, uninterrupted `apply`. */
let migrated: Record<string, string>;

beforeAll(() => {
  const reference = exampleRepo();
  pristine = tree(reference);
  expect(cli(reference, 'apply').status).toBe(0);
  migrated = tree(reference);
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  for (const started = Date.now(); !condition(); await sleep(20)) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

function started(args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, stderr: () => stderr };
}

/** An `apply --batch-size 5 --verify …` killed (with its process group) while its first batch is verified. */
async function killedInVerify(root: string): Promise<void> {
  const flag = path.join(makeTempDir('ssot-flag-'), 'verifying');
  const run = started([BIN, 'apply', '--batch-size', '5', '--verify', `touch '${flag}'; sleep 30`], root);
  await until(() => fs.existsSync(flag), 'verify to start');
  process.kill(-run.child.pid!, 'SIGKILL');
  await run.exit;
  expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(true);
}

/** Whether a process is stopped (SIGSTOP), from /proc. */
function isStopped(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
  } catch {
    return false;
  }
}

function installHook(root: string, script: string): void {
  const hooks = path.join(root, '.git', 'test-hooks');
  fs.mkdirSync(hooks, { recursive: true });
  fs.writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  git(root, 'config', 'core.hooksPath', hooks);
}

const batchSubjects = (root: string): string[] => git(root, 'log', '--format=%s').split('\n').filter((s) => s.startsWith('ssot-codemod: batch'));

describe('a user\'s edit saved while --verify runs', () => {
  it('is kept by the rollback, which restores every other file and names it; exit 3', () => {
    const root = exampleRepo();
    const file = 'src/routes/agent_routes.ts';
    expect(migrated[file]).not.toBe(pristine[file]);
    const run = cli(root, 'apply', '--batch-size', '50', '--verify', `printf '// saved by the user\\n' >> ${file}; exit 1`);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`^kept as they are, not rolled back \\(changed while batch 1 was in flight; review them\\): ${file}$`, 'm'));
    expect(tree(root)).toEqual({ ...pristine, [file]: `${migrated[file]}// saved by the user\n` });
    expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(false);
  });
});

describe('a recover suspended (Ctrl-Z) after reading the journal, while a new apply --commit starts', () => {
  it('holds the lock: the apply is refused and touches nothing; resumed, recover restores the batch, and the next apply completes', async () => {
    const root = exampleRepo();
    await killedInVerify(root);
    const recover = started(['--require', PAUSE, BIN, 'recover'], root, { ...ENV, SSOT_PAUSE_AFTER_READING: `journal${path.sep}manifest.json` });
    try {
      await until(() => isStopped(recover.child.pid!), 'recover to stop');
      const before = tree(root);
      const apply = cli(root, 'apply', '--batch-size', '5', '--commit');
      expect(apply.status).toBe(2);
      expect(apply.stderr).toContain(`another ssot-codemod run (pid ${recover.child.pid}) is working in this folder`);
      expect(tree(root)).toEqual(before);
      expect(batchSubjects(root)).toEqual([]);
    } finally {
      process.kill(recover.child.pid!, 'SIGCONT');
    }
    expect(await recover.exit).toBe(0);
    expect(recover.stderr()).toMatch(/^recovered an interrupted batch \(batch 1\/\d+: files 1-5, pid \d+\)/);
    expect(tree(root)).toEqual(pristine);

    const apply = cli(root, 'apply', '--batch-size', '5', '--commit');
    expect(apply.status).toBe(0);
    expect(tree(root)).toEqual(migrated);
    expect(git(root, 'status', '--porcelain')).toBe('');
  }, 30_000);
});

describe('nested registries (a repository\'s root and a package in it)', () => {
  it('share one lock: while the root\'s apply verifies a batch, the package\'s apply is refused, so neither can undo the other', async () => {
    const root = exampleRepo();
    writeFiles(root, {
      'packages/pkg/ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old' }] }] }),
      'packages/pkg/src/engine.ts': 'export class Engine {}\n',
      'packages/pkg/src/old.ts': "export { Engine } from './engine';\n",
      'packages/pkg/src/use.ts': "import { Engine } from './old';\nexport type E = Engine;\n",
    });
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'a package');
    const dir = makeTempDir('ssot-nested-');
    const verifying = path.join(dir, 'verifying');
    const proceed = path.join(dir, 'proceed');
    const outer = started([BIN, 'apply', '--batch-size', '50', '--verify', `touch '${verifying}'; while [ ! -e '${proceed}' ]; do sleep 0.05; done; exit 1`], root);
    try {
      await until(() => fs.existsSync(verifying), 'the root\'s verify');
      const inner = cli(path.join(root, 'packages', 'pkg'), 'apply');
      expect(inner.status).toBe(2);
      expect(inner.stderr).toContain(`another ssot-codemod run (pid ${outer.child.pid}) is working in this folder`);
      expect(fs.readFileSync(path.join(root, 'packages/pkg/src/use.ts'), 'utf8')).toBe("import { Engine } from './old';\nexport type E = Engine;\n");
    } finally {
      fs.writeFileSync(proceed, '');
    }
    expect(await outer.exit).toBe(3);
    expect(tree(root)).toEqual({ ...pristine, ...Object.fromEntries(Object.entries(tree(root)).filter(([f]) => f.startsWith('packages/'))) });
    const inner = cli(path.join(root, 'packages', 'pkg'), 'apply');
    expect(inner.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'packages/pkg/src/use.ts'), 'utf8')).toBe("import { Engine } from './engine';\nexport type E = Engine;\n");
  }, 30_000);
});

describe('a batch whose commit fails', () => {
  it('stays pending: the next apply --commit commits it first, or stops naming it (never exit 0 with the batch uncommitted)', () => {
    const root = exampleRepo();
    installHook(root, 'echo "lint failed" >&2; exit 1');
    const first = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/^batch 1 was not written: written, but the commit failed \(lint failed\): the files stay changed and uncommitted; the next `apply --commit` commits them first$/m);
    expect(tree(root)).toEqual(migrated);

    // The hook still fails: the run stops before anything else and names the batch and git's words.
    const again = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/^ssot-codemod: "ssot-codemod: batch 1\/1 \(files 1-\d+\)" was written but never committed \(lint failed\), and committing it failed again/);
    expect(batchSubjects(root)).toEqual([]);

    // check and recover say so, and change nothing.
    expect(cli(root, 'check').stderr).toMatch(/"ssot-codemod: batch 1\/1 \(files 1-\d+\)" was written but not committed \(lint failed\)/);
    expect(cli(root, 'recover').stderr).toMatch(/"ssot-codemod: batch 1\/1 \(files 1-\d+\)" is written but not committed \(lint failed\): `ssot-codemod apply --commit` commits it first/);

    installHook(root, 'exit 0');
    const fixed = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toMatch(/^committed "ssot-codemod: batch 1\/1 \(files 1-\d+\)", left uncommitted by an earlier run: [0-9a-f]{10}$/m);
    expect(batchSubjects(root)).toEqual([expect.stringMatching(/^ssot-codemod: batch 1\/1 \(files 1-\d+\)$/)]);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(tree(root)).toEqual(migrated);
  });

  it.each([
    ['commit.gpgsign without a usable key', [['commit.gpgsign', 'true'], ['gpg.program', 'false']]],
    ['no identity', [['user.useConfigOnly', 'true'], ['user.email', ''], ['user.name', '']]],
  ])('%s: the batch is pending, and committed first once git can commit', (_name, settings) => {
    const root = exampleRepo();
    const saved = settings.map(([key]) => [key, spawnSync('git', ['config', '--get', key], { cwd: root, encoding: 'utf8' }).stdout.trim()]);
    for (const [key, value] of settings) {
      if (value === '') git(root, 'config', '--unset', key);
      else git(root, 'config', key, value);
    }
    const env = { ...ENV, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', EMAIL: '', GIT_AUTHOR_EMAIL: '', GIT_COMMITTER_EMAIL: '' };
    const failed = spawnSync(process.execPath, [BIN, 'apply', '--commit'], { cwd: root, env, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/commit failed/);
    for (const [key, value] of saved) {
      if (value === '') spawnSync('git', ['config', '--unset', key], { cwd: root });
      else git(root, 'config', key, value);
    }
    const fixed = cli(root, 'apply', '--commit');
    expect(fixed.status).toBe(0);
    expect(batchSubjects(root)).toHaveLength(1);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});

describe('a run killed after its batch was written and verified, before its commit started', () => {
  it('leaves the batch pending, not forgotten: the next apply --commit commits it first, and exits 0 only with a clean tree', () => {
    const root = exampleRepo();
    const killed = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'helpers', 'fault-on-rename.js'), BIN, 'apply', '--batch-size', '5', '--verify', 'true', '--commit'], {
      cwd: root,
      env: { ...ENV, SSOT_KILL_AFTER_RENAME: `ssot-codemod\\${path.sep}journal$` },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(batchSubjects(root)).toEqual([]);
    expect(cli(root, 'check').stderr).toMatch(/"ssot-codemod: batch 1\/\d+ \(files 1-5\)" was written but not committed \(the run was interrupted before committing it\)/);
    const resumed = cli(root, 'apply', '--batch-size', '5', '--verify', 'true', '--commit');
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/^committed "ssot-codemod: batch 1\/\d+ \(files 1-5\)", left uncommitted by an earlier run/m);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(tree(root)).toEqual(migrated);
    expect(batchSubjects(root).length).toBeGreaterThan(1);
  });
});

describe('a file of the batch saved by the user after its verify, before its commit', () => {
  it('is not swept into the batch\'s commit: the commit stops, the batch is pending and named, and the edit stays', () => {
    const root = exampleRepo();
    const file = 'src/routes/agent_routes.ts';
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'helpers', 'fault-on-rename.js'), BIN, 'apply', '--batch-size', '50', '--verify', 'true', '--commit'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...ENV, SSOT_SAVE_AFTER_RENAME: `ssot-codemod\\${path.sep}journal$`, SSOT_SAVE_FILE: path.join(root, file) },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`the commit failed \\(${file.replace(/[.]/g, '\\.')} changed while the batch was being committed\\)`));
    expect(batchSubjects(root)).toEqual([]);
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(`${migrated[file]}// saved by the user before the commit\n`);
    const again = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`was written but never committed .*, and ${file.replace(/[.]/g, '\\.')} changed since`));
  });
});

describe('a run killed as its commit begins, before the commit marker is written', () => {
  it('still leaves the batch recorded as pending (the pending record goes only once the marker names the batch)', () => {
    const root = exampleRepo();
    // The marker is written to a temporary file renamed to commit.json: killed just before that rename.
    const temporary = path.basename(temporarySibling(path.join(stateDirOf(root), 'commit.json'), 0)).replace('-0-', '-\\d+-').replace(/\./g, '\\.');
    const killed = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'helpers', 'fault-on-rename.js'), BIN, 'apply', '--batch-size', '5', '--commit'], {
      cwd: root,
      env: { ...ENV, SSOT_KILL_BEFORE_RENAME: `${temporary}$` },
    });
    expect(killed.signal).toBe('SIGKILL');
    const resumed = cli(root, 'apply', '--batch-size', '5', '--commit');
    expect(resumed.stderr).toMatch(/^committed "ssot-codemod: batch 1\/\d+ \(files 1-5\)", left uncommitted by an earlier run/m);
    expect(resumed.status).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(tree(root)).toEqual(migrated);
  });
});

describe('a pre-commit hook that reformats and `git add`s (lint-staged)', () => {
  it('commits what the hook produced and leaves the index agreeing with HEAD and the work tree', () => {
    const root = exampleRepo();
    // Appends a line to each staged file that lacks it, and stages the result, as a formatter run by lint-staged does.
    installHook(root, 'for f in $(git diff --cached --name-only --diff-filter=ACM); do grep -q "^// formatted$" "$f" || printf "// formatted\\n" >> "$f"; git add -- "$f"; done');
    const run = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(run.status).toBe(0);
    const changed = git(root, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean);
    expect(changed.length).toBeGreaterThan(3);
    for (const file of changed) {
      expect(git(root, 'show', `HEAD:${file}`)).toBe(`${migrated[file]}// formatted\n`);
      expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(`${migrated[file]}// formatted\n`);
    }
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'diff', '--cached', '--name-only')).toBe('');
  });
});

describe('a pre-commit hook that reformats and stages the batch, then fails (lint-staged: format, then lint)', () => {
  it('leaves the batch pending as the hook made it: the next apply --commit commits it, the formatting included', () => {
    const root = exampleRepo();
    const failOnce = path.join(root, '.git', 'fail-once');
    fs.writeFileSync(failOnce, '');
    installHook(root, `for f in $(git diff --cached --name-only --diff-filter=ACM); do grep -q "^// formatted$" "$f" || printf "// formatted\\n" >> "$f"; git add -- "$f"; done\n` +
      `if [ -e '${failOnce}' ]; then rm '${failOnce}'; echo "lint failed" >&2; exit 1; fi`);
    const failed = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/the commit failed \(lint failed\)/);
    const resumed = cli(root, 'apply', '--batch-size', '50', '--commit');
    expect(resumed.stderr).toMatch(/^committed "ssot-codemod: batch 1\/1 \(files 1-\d+\)", left uncommitted by an earlier run/m);
    expect(resumed.status).toBe(0);
    const changed = git(root, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean);
    for (const file of changed) expect(git(root, 'show', `HEAD:${file}`)).toBe(`${migrated[file]}// formatted\n`);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});

describe('a lock naming a live pid that is not the run that took it', () => {
  const writeLock = (root: string, pid: number): void => {
    fs.mkdirSync(stateDirOf(root), { recursive: true });
    fs.writeFileSync(path.join(stateDirOf(root), 'lock'), `${pid}\n`);
  };

  it('pid 1 (a container\'s init, or the reused pid of a run long gone): every command goes on, and the half-written batch is restored', async () => {
    const root = exampleRepo();
    await killedInVerify(root);
    writeLock(root, 1);
    const recover = cli(root, 'recover');
    expect(recover.status).toBe(0);
    expect(recover.stderr).toMatch(/^recovered an interrupted batch/);
    expect(tree(root)).toEqual(pristine);
    writeLock(root, 1);
    expect(cli(root, 'apply').status).toBe(0);
    expect(tree(root)).toEqual(migrated);
  }, 30_000);

  it('a live process that is no ssot-codemod run: refused with a way out, and recover --force takes the lock over', async () => {
    const root = exampleRepo();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await sleep(100);
      writeLock(root, other.pid!);
      const refused = cli(root, 'apply');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`pid ${other.pid}`);
      expect(refused.stderr).toContain('`ssot-codemod recover --force` takes the lock over');
      const forced = cli(root, 'recover', '--force');
      expect(forced.status).toBe(0);
      expect(fs.existsSync(path.join(stateDirOf(root), 'lock'))).toBe(false);
      expect(cli(root, 'apply').status).toBe(0);
    } finally {
      other.kill();
    }
  });
});

describe('a damaged journal', () => {
  it('cut short, empty, of an unknown version or with a null entry: each command says what is wrong and how to clear it, in one line; recover --force sets it aside', () => {
    const cases: [string, string, RegExp][] = [
      ['cut short', '{"version": 2, "label": "batch 1/3: files 1-5", "files": [{"pa', /manifest\.json is not JSON \(cut short\?\)/],
      ['empty', '', /manifest\.json is empty/],
      ['of an unknown version', '{"version": 9, "label": "x", "pid": 1, "files": []}', /its version 9 is not one this version of ssot-codemod reads/],
      ['with a null entry', '{"version": 2, "label": "x", "pid": 1, "startedAt": "", "files": [null]}', /file entry 0 is not an object/],
    ];
    const root = exampleRepo();
    const manifest = path.join(stateDirOf(root), 'journal', 'manifest.json');
    for (const [name, content, reason] of cases) {
      fs.mkdirSync(path.dirname(manifest), { recursive: true });
      fs.writeFileSync(manifest, content);
      for (const command of name === 'cut short' ? ['apply', 'recover'] : ['recover']) {
        const run = cli(root, command);
        expect({ name, command, status: run.status, lines: run.stderr.trim().split('\n').length }).toEqual({ name, command, status: 2, lines: 1 });
        expect(run.stderr).toMatch(reason);
        expect(run.stderr).toContain('`ssot-codemod recover --force` sets the journal aside');
      }
      const check = cli(root, 'check');
      expect({ name, status: check.status }).toEqual({ name, status: 0 });
      expect(check.stderr).toMatch(reason);
      expect(check.stderr).not.toMatch(/\n\s+at /);
      const forced = cli(root, 'recover', '--force');
      expect({ name, status: forced.status }).toEqual({ name, status: 0 });
      expect(forced.stderr).toMatch(/^set the damaged journal aside as .*journal\.damaged-/);
      expect(fs.existsSync(manifest)).toBe(false);
      expect(tree(root)).toEqual(pristine);
    }
    expect(cli(root, 'apply').status).toBe(0);
  });
});
