/**
 * Nothing a repository ships is trusted (the hardening issue's critical items). Each attack runs on a
 * fresh clone of a hostile repository, the built CLI under the recorders of recorded-cli.ts, with temporary
 * folders beside the clone standing for "outside": a victim folder and a secret file. Every run must leave
 * them as they were, never hand a path inside them to `fs`, start no process but git with an argument
 * array, never run git with a hook's variables, and `check` must change neither the tree nor git's state.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { BIN, cli, EXAMPLE, REPO, stateDirOf } from '../helpers/cli';
import { isGitWithArgumentArray, recordedCli, started, type Call, type RecordedRun } from '../helpers/recorded-cli';

afterAll(removeTempDirs);

const CANARY = 'SECRET-CANARY-7f3a';

/** A pid no process has any more. */
function goneProcess(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}
const sha = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

interface Scene {
  /** The fresh clone: the tree. */
  root: string;
  /** Outside the tree: a folder and a secret file beside the clone. */
  victim: string;
  secret: string;
  /** Everything under the clone's parent but the clone (and our git shim's logs, kept elsewhere). */
  outside(): Record<string, string>;
}

/**
 * A repository holding an example codebase (the TypeScript one unless told) and `extra` (files, or `{ link: target }` for a symbolic link),
 * committed in its own folder, then cloned afresh beside a victim folder and a secret file.
 */
function hostileClone(extra: Record<string, string | { link: string }>, example = EXAMPLE): Scene {
  const parent = makeTempDir('ssot-hostile-');
  const origin = path.join(parent, 'origin');
  fs.mkdirSync(origin);
  fs.cpSync(example, origin, { recursive: true });
  for (const [name, content] of Object.entries(extra)) {
    const file = path.join(origin, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'string') fs.writeFileSync(file, content);
    else fs.symlinkSync(content.link, file);
  }
  git(origin, 'init', '--quiet', '--initial-branch=main');
  git(origin, 'add', '-A', '--force');
  git(origin, '-c', 'user.name=Hostile', '-c', 'user.email=h@example.com', 'commit', '--quiet', '-m', 'hostile');
  const root = path.join(parent, 'clone');
  git(parent, 'clone', '--quiet', origin, root);
  for (const [key, value] of [['user.name', 'SSOT Test'], ['user.email', 'ssot-test@example.com'], ['core.hooksPath', '/dev/null'], ['gc.auto', '0']]) {
    git(root, 'config', key, value);
  }
  const victim = path.join(parent, 'victim');
  writeFiles(victim, { 'journal/keep.txt': 'the victim keeps this\n', 'notes.txt': 'untouched\n' });
  const secret = path.join(parent, 'secret.txt');
  fs.writeFileSync(secret, `${CANARY}\n`, { mode: 0o600 });
  return { root, victim, secret, outside: () => snapshotOutside(parent, root) };
}

/** Every path under `parent` outside `root`, with its kind, mode and content (or link target). */
function snapshotOutside(parent: string, root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === root) continue;
      const stat = fs.lstatSync(full);
      const key = path.relative(parent, full);
      if (entry.isSymbolicLink()) found[key] = `link ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) {
        found[key] = `dir ${(stat.mode & 0o7777).toString(8)}`;
        walk(full);
      } else found[key] = `file ${(stat.mode & 0o7777).toString(8)} ${fs.readFileSync(full).toString('hex')}`;
    }
  };
  walk(parent);
  return found;
}

/** What a user sees of the tree and of git: files (not .git), `git status` with ignored files, HEAD, the index. */
function treeAndGit(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === path.join(root, '.git')) continue;
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full)] = entry.isSymbolicLink() ? `link ${fs.readlinkSync(full)}` : fs.readFileSync(full).toString('hex');
    }
  };
  walk(root);
  const gitDir = path.join(root, '.git');
  return {
    ...files,
    '<status>': git(root, 'status', '--porcelain=v1', '--ignored', '--untracked-files=all'),
    '<HEAD>': git(root, 'rev-parse', 'HEAD'),
    '<index>': fs.readFileSync(path.join(gitDir, 'index')).toString('hex'),
    '<git dir>': fs.readdirSync(gitDir).sort().join(' '),
  };
}

/**
 * What every run on a hostile tree must satisfy. `verify`: the --verify command, the one thing besides git
 * that may be started (through the shell, as given).
 */
function expectContained(run: RecordedRun, scene: Scene, outsideBefore: Record<string, string>, verify?: string): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(scene.outside()).toEqual(outsideBefore);
  const isOutside = (p: string): boolean => p === scene.secret || p === scene.victim || p.startsWith(scene.victim + path.sep);
  expect(run.accessed.filter(isOutside)).toEqual([]);
  expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
  const isVerify = (call: Call): boolean => verify !== undefined && (call.fn === 'spawn' || call.fn === 'spawnSync') && call.file === verify && call.shell === true;
  expect(started(run).filter((call) => !isGitWithArgumentArray(call) && !isVerify(call))).toEqual([]);
  // No git ever ran with a variable that ties it to another repository or index (a hook's); the only index
  // named is the private one a batch commit is built in, in our state folder.
  const ownIndex = new RegExp(`^GIT_INDEX_FILE=${escape(path.join(stateDirOf(scene.root), 'commit-'))}\\d+/index$`);
  const tying = run.gitEnvironments.flat().filter((v) => /^GIT_(INDEX_FILE|DIR|WORK_TREE|OBJECT_DIRECTORY|COMMON_DIR|PREFIX|CONFIG)=/.test(v));
  expect(tying.filter((v) => !ownIndex.test(v))).toEqual([]);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A journal and a commit marker as an earlier version kept them in the tree, crafted to reach outside. */
const SHIPPED_STATE = {
  '.ssot-codemod/journal/manifest.json': JSON.stringify({
    version: 1,
    label: 'batch 1/1: files 1-2',
    pid: 999999,
    startedAt: new Date(0).toISOString(),
    files: [
      // Writes the attacker's script outside the tree, executable.
      { path: '../victim/pwned.sh', original: '0', originalHash: sha('#!/bin/sh\necho pwned\n'), mode: 0o755, afterHash: null },
      // Copies a file from outside into the tree.
      { path: 'src/stolen.txt', original: '../../../../secret.txt', originalHash: sha(`${CANARY}\n`), mode: 0o644, afterHash: null },
    ],
  }),
  '.ssot-codemod/journal/originals/0': '#!/bin/sh\necho pwned\n',
  '.ssot-codemod/commit.json': JSON.stringify({ version: 1, pid: 999999, gitPid: null, startedAtMs: 0, files: ['src/routes/agent_routes.ts'] }),
};

describe('a clone that ships a journal and a commit marker (an earlier version kept them in the tree)', () => {
  it('check reads and writes nothing outside, changes neither the tree nor git\'s state, and runs no git at all', () => {
    const scene = hostileClone(SHIPPED_STATE);
    const outside = scene.outside();
    const before = treeAndGit(scene.root);
    const run = recordedCli(scene.root, ['check', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).total).toBeGreaterThan(0);
    expectContained(run, scene, outside);
    expect(treeAndGit(scene.root)).toEqual(before);
    expect(run.gitOnPath).toEqual([]);
  });

  it('apply --dry-run, apply and recover never take it for their state: nothing outside is touched, nothing is restored from it', () => {
    const scene = hostileClone(SHIPPED_STATE);
    const outside = scene.outside();
    const before = treeAndGit(scene.root);
    const dry = recordedCli(scene.root, ['apply', '--dry-run']);
    expect(dry.status).toBe(0);
    expectContained(dry, scene, outside);
    expect(treeAndGit(scene.root)).toEqual(before);

    const recover = recordedCli(scene.root, ['recover']);
    expect(recover.status).toBe(0);
    expect(recover.stderr).toBe('nothing to recover: no interrupted batch\n');
    expectContained(recover, scene, outside);

    const apply = recordedCli(scene.root, ['apply', '--commit']);
    expect(apply.status).toBe(0);
    expectContained(apply, scene, outside);
    expect(fs.existsSync(path.join(scene.root, 'src', 'stolen.txt'))).toBe(false);
    // The shipped files are the repository's own, left as they were; our state went to the git directory.
    expect(git(scene.root, 'status', '--porcelain')).toBe('');
    expect(stateDirOf(scene.root)).toBe(path.join(scene.root, '.git', 'ssot-codemod'));
  });
});

describe('a clone that ships .ssot-codemod as a link to a folder outside', () => {
  it('check deletes nothing there, and apply writes neither its lock nor its journal there', () => {
    const scene = hostileClone({ '.ssot-codemod': { link: '../victim' } });
    expect(fs.lstatSync(path.join(scene.root, '.ssot-codemod')).isSymbolicLink()).toBe(true);
    const outside = scene.outside();
    const before = treeAndGit(scene.root);
    const check = recordedCli(scene.root, ['check']);
    expect(check.status).toBe(0);
    expectContained(check, scene, outside);
    expect(treeAndGit(scene.root)).toEqual(before);

    const apply = recordedCli(scene.root, ['apply', '--batch-size', '3', '--verify', 'true', '--commit']);
    expect(apply.status).toBe(0);
    expectContained(apply, scene, outside, 'true');
    expect(git(scene.root, 'log', '--format=%s').split('\n').filter((s) => s.startsWith('ssot-codemod: batch')).length).toBeGreaterThan(1);
  });

  it('outside git (an unpacked archive), the link is refused as a state folder, with one line saying why', () => {
    const scene = hostileClone({ '.ssot-codemod': { link: '../victim' } });
    fs.rmSync(path.join(scene.root, '.git'), { recursive: true, force: true });
    const outside = scene.outside();
    const check = recordedCli(scene.root, ['check']);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/^note: .*\.ssot-codemod is a link; ssot-codemod keeps its journal and lock there and will not use it/m);
    expectContained(check, scene, outside);

    const apply = recordedCli(scene.root, ['apply']);
    expect(apply.status).toBe(2);
    expect(apply.stderr.trim().split('\n')).toHaveLength(1);
    expect(apply.stderr).toMatch(/\.ssot-codemod is a link; .* Remove it if it is not yours, then run again/);
    expectContained(apply, scene, outside);
  });

  it('outside git, a journal shipped in the tree is not restored from: paths out of the tree or originals from outside make it unusable', () => {
    const scene = hostileClone(SHIPPED_STATE);
    fs.rmSync(path.join(scene.root, '.git'), { recursive: true, force: true });
    const outside = scene.outside();
    const check = recordedCli(scene.root, ['check']);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/an interrupted batch's journal cannot be used \(file entry 0 has a path that leads out through ".."/);
    expectContained(check, scene, outside);

    for (const args of [['apply'], ['recover']]) {
      const run = recordedCli(scene.root, args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^ssot-codemod: the journal .* cannot be used \(file entry 0 has a path that leads out through ".."/);
      expectContained(run, scene, outside);
    }
    const forced = recordedCli(scene.root, ['recover', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(/^set the damaged journal aside as .*journal\.damaged-/);
    expectContained(forced, scene, outside);
    expect(fs.existsSync(path.join(scene.root, 'src', 'stolen.txt'))).toBe(false);
  });
});

describe('a commit killed inside its hook, then the user\'s own `git commit -a` whose pre-commit hook runs check', () => {
  it('commits what the user asked for: check (run with GIT_INDEX_FILE=.git/index.lock) removes no lock and resets nothing', async () => {
    const scene = hostileClone({});
    const { root } = scene;
    const hooks = makeTempDir('ssot-hooks-');
    const inCommit = path.join(hooks, 'in-commit');
    fs.writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\ntouch '${inCommit}'\nsleep 30\n`, { mode: 0o755 });
    git(root, 'config', 'core.hooksPath', hooks);
    const tracked = git(root, 'ls-files').split('\n').filter(Boolean);

    const apply = spawn(process.execPath, [BIN, 'apply', '--batch-size', '4', '--commit'], { cwd: root, env: { ...process.env, CI: 'true' }, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => apply.on('exit', resolve));
    for (let i = 0; i < 400 && !fs.existsSync(inCommit); i++) await new Promise((r) => setTimeout(r, 25));
    expect(fs.existsSync(inCommit)).toBe(true);
    process.kill(-apply.pid!, 'SIGKILL');
    await exited;
    // If the killed commit left git's index lock, the user removes it, as git's own message tells them to.
    fs.rmSync(path.join(root, '.git', 'index.lock'), { force: true });
    // The killed git is reaped by init on most systems; where it is not (a zombie lingers), the record is
    // made to name a pid that is surely gone, as it would be there.
    for (const marker of [path.join(root, '.ssot-codemod', 'commit.json'), path.join(stateDirOf(root), 'commit.json')]) {
      if (fs.existsSync(marker)) fs.writeFileSync(marker, fs.readFileSync(marker, 'utf8').replace(/"gitPid":\d+/, `"gitPid":${goneProcess()}`));
    }

    // The user's hook runs our check, as a pre-commit hook does: inside their commit, with git's variables.
    const checkLog = path.join(hooks, 'check.log');
    fs.writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\n'${process.execPath}' '${BIN}' check > '${checkLog}' 2>&1\nexit 0\n`, { mode: 0o755 });
    fs.appendFileSync(path.join(root, 'README.md'), '\nA line the user adds.\n');
    git(root, 'commit', '--quiet', '-a', '-m', 'the user\'s commit');

    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('the user\'s commit');
    expect(git(root, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean).sort()).toEqual([...tracked].sort());
    expect(git(root, 'show', 'HEAD:README.md')).toContain('A line the user adds.');
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(fs.readFileSync(checkLog, 'utf8')).not.toMatch(/cleared|removed/);
    expect(fs.existsSync(path.join(root, '.git', 'index.lock'))).toBe(false);
    // What the killed run left is still there for recover, which finds the batch committed by the user.
    const recover = cli(root, 'recover');
    expect(recover.status).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
  }, 30_000);
});

describe('run from inside a git hook of another repository', () => {
  it('apply --commit works on its own tree: GIT_DIR, GIT_INDEX_FILE and GIT_WORK_TREE of the caller are not inherited', () => {
    const scene = hostileClone({});
    const other = path.join(scene.victim, 'repo');
    fs.mkdirSync(other);
    git(other, 'init', '--quiet', '--initial-branch=main');
    writeFiles(other, { 'kept.txt': 'the other repository\n' });
    git(other, 'add', '-A');
    git(other, '-c', 'user.name=O', '-c', 'user.email=o@example.com', 'commit', '--quiet', '-m', 'other');
    const outside = scene.outside();
    const hookIndex = path.join(other, '.git', 'index.lock');
    const run = recordedCli(scene.root, ['apply', '--batch-size', '50', '--commit'], {
      env: { GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: other, GIT_INDEX_FILE: hookIndex, GIT_PREFIX: '' },
    });
    expect(run.status).toBe(0);
    expectContained(run, scene, outside);
    expect(fs.existsSync(hookIndex)).toBe(false);
    expect(git(scene.root, 'log', '-1', '--format=%s').trim()).toMatch(/^ssot-codemod: batch 1\/1 /);
    expect(git(scene.root, 'status', '--porcelain')).toBe('');
  });
});

const PYTHON_EXAMPLE = path.join(REPO, 'examples', 'netra-python');
const pythonRegistryWith = (change: (registry: Record<string, any>) => void): string => {
  const registry = JSON.parse(fs.readFileSync(path.join(PYTHON_EXAMPLE, 'ssot.config.json'), 'utf8'));
  change(registry);
  return JSON.stringify(registry, null, 2);
};

describe('a registry that reaches outside its folder', () => {
  const LEGACY_IMPORT = "import { IsolatedExecutionEngine } from '../clone/src/agents/execution_engine_legacy_adapter';\nexport type E = IsolatedExecutionEngine;\n";
  const registryWith = (change: (registry: Record<string, any>) => void): string => {
    const registry = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'ssot.config.json'), 'utf8'));
    change(registry);
    return JSON.stringify(registry, null, 2);
  };

  it.each([
    ['an include glob of ../victim/**', (r: Record<string, any>) => r.include.push('../victim/**/*.ts'), /\$\.include\[2\]: "\.\.\/victim\/\*\*\/\*\.ts" leads out of the registry's folder/],
    ['an include glob that leaves through a brace, {..,src}/**', (r: Record<string, any>) => r.include.push('{..,src}/victim/**/*.ts'), /\$\.include\[2\]: .* leads out of the registry's folder/],
  ])('%s is a registry error: nothing outside is read or patched', (_name, change, message) => {
    const scene = hostileClone({ 'ssot.config.json': registryWith(change) });
    writeFiles(scene.victim, { 'victim.ts': LEGACY_IMPORT });
    const outside = scene.outside();
    for (const args of [['check'], ['apply', '--dry-run'], ['apply']]) {
      const run = recordedCli(scene.root, args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expectContained(run, scene, outside);
      expect(run.stdout).not.toContain('victim');
    }
  });

  it.each([
    ['../secret.txt', '../secret.txt'],
    ['a link to it', 'config/tsconfig.json'],
  ])('a tsconfig out of the repository (%s) is a registry error: it is not read', (_name, named) => {
    const scene = hostileClone({ 'config/tsconfig.json': { link: '../../secret.txt' }, 'ssot.config.json': registryWith((r) => (r.tsconfig = named)) });
    const outside = scene.outside();
    for (const args of [['check'], ['apply']]) {
      const run = recordedCli(scene.root, args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`$.tsconfig: "${named}" leads out of the repository`);
      expectContained(run, scene, outside);
    }
  });

  it.each([
    ['../secret.txt', '../secret.txt'],
    ['a package found only above the repository', 'outside-config/tsconfig.json'],
  ])('a tsconfig.json that extends a file out of the repository (%s) is a registry error: that file is not read', (_name, extended) => {
    const scene = hostileClone({ 'tsconfig.json': JSON.stringify({ extends: extended }) });
    writeFiles(path.dirname(scene.root), { 'node_modules/outside-config/tsconfig.json': `{ "compilerOptions": {} } // ${CANARY}\n` });
    const outside = scene.outside();
    for (const args of [['check'], ['apply', '--dry-run']]) {
      const run = recordedCli(scene.root, args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`$.tsconfig: tsconfig.json extends "${extended}", which leads out of the repository`);
      expectContained(run, scene, outside);
      expect(run.accessed.filter((p) => p.includes(`${path.sep}node_modules${path.sep}outside-config`))).toEqual([]);
    }
  });

  it('a module named through a link that leads outside is a registry error: the file outside is not read', () => {
    const scene = hostileClone({
      'src/linked': { link: '../../victim/lib' },
      'ssot.config.json': registryWith((r) => r.symbols[0].legacy.push({ name: 'UserExecutionEngine', from: 'src/linked/old_engine' })),
    });
    writeFiles(scene.victim, { 'lib/old_engine.ts': `// ${CANARY}\nexport { UserExecutionEngine } from '../../clone/src/agents/supervisor/user_execution_engine';\n` });
    const outside = scene.outside();
    const run = recordedCli(scene.root, ['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\$\.symbols\[0\]\.legacy\[\d+\]\.from: "src\/linked\/old_engine" leads through a link out of the registry's folder/);
    expectContained(run, scene, outside);
  });

  it('a pyproject.toml naming package folders outside (../victim, /tmp) adds no import root: no module is found there', () => {
    const pyproject = '[tool.setuptools.packages.find]\nwhere = ["../victim", "/tmp"]\n';
    const uses = 'from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine\n' +
      'from victimpkg import thing\nimport victimpkg.thing\n\nengine = ExecutionEngine(thing)\n';
    const victimPackage = { 'victimpkg/__init__.py': `# ${CANARY}\n`, 'victimpkg/thing.py': `UserExecutionEngine = '${CANARY}'\n` };
    // A registry entry for a module only that root would find: not found (b9df517 found it outside).
    const named = hostileClone({
      'pyproject.toml': pyproject,
      'ssot.config.json': pythonRegistryWith((r) => r.symbols[0].legacy.push({ name: 'UserExecutionEngine', from: 'victimpkg.thing' })),
    }, PYTHON_EXAMPLE);
    writeFiles(named.victim, victimPackage);
    const outside = named.outside();
    const refused = recordedCli(named.root, ['check']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/\$\.symbols\[0\]\.legacy\[4\]\.from: .*Python: "victimpkg\.thing" names no module under the import roots \(\.\)/);
    expect(refused.stderr).not.toContain(named.victim);
    expectContained(refused, named, outside);
    // A file that imports it: the run goes on, and nothing outside is read.
    const scene = hostileClone({ 'pyproject.toml': pyproject, 'netra_backend/app/uses_victim.py': uses }, PYTHON_EXAMPLE);
    writeFiles(scene.victim, victimPackage);
    const before = scene.outside();
    for (const args of [['check'], ['apply', '--dry-run']]) {
      const run = recordedCli(scene.root, args);
      expect(run.status).toBe(0);
      expectContained(run, scene, before);
    }
  });
});
