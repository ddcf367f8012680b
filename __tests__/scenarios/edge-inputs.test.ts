/**
 * Inputs at the edges (the hardening issue's low items): each must end in a clear message, never a crash,
 * and never block a batch: a file named with a backslash, a name near NAME_MAX, an 800 KB member chain, a
 * registry nested too deeply or holding a 50 MB glob, and what a killed run leaves (temporary files, a dead
 * run's lock, a state folder's .gitignore cut short by a full disk).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireLock } from '../../src/batches/lock';
import { git, makeTempRepo, removeTempDirs, tempTree, writeFiles } from '../helpers/temp-repo';
import { BIN, cli, cliEnv, exampleRepo, stateDirOf } from '../helpers/cli';

afterAll(removeTempDirs);

const REGISTRY = JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old' }] }] });
const USE = "import { Engine } from './old';\nexport type E = Engine;\n";
const USED = "import { Engine } from './engine';\nexport type E = Engine;\n";

/** A committed repository with the small registry and `files`. */
function smallRepo(files: Record<string, string>): string {
  const root = makeTempRepo();
  writeFiles(root, { 'ssot.config.json': REGISTRY, 'src/engine.ts': 'export class Engine {}\n', 'src/old.ts': "export { Engine } from './engine';\n", ...files });
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'small');
  return root;
}

/** Temporary files anywhere in the tree or the state folder, and what else a run leaves in the state folder. */
function leftovers(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === path.join(root, '.git')) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tmp')) found.push(path.relative(root, full));
    }
  };
  walk(root);
  const state = stateDirOf(root);
  if (fs.existsSync(state)) found.push(...fs.readdirSync(state).filter((name) => name !== '.gitignore').map((name) => `<state>/${name}`));
  return found.sort();
}

describe('file names', () => {
  it('a file named a\\b.ts (a backslash is part of a name on POSIX) is planned, patched and written like any other', () => {
    const root = smallRepo({ 'src/a\\b.ts': USE, 'src/c.ts': USE });
    const dry = cli(root, 'apply', '--dry-run');
    expect(dry.stderr).not.toMatch(/\n\s+at /);
    expect(dry.status).toBe(0);
    const patch = path.join(root, '.git', 'plan.patch');
    fs.writeFileSync(patch, dry.stdout);
    git(root, 'apply', '--check', patch);
    const run = cli(root, 'apply');
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'src/a\\b.ts'), 'utf8')).toBe(USED);
    expect(fs.readFileSync(path.join(root, 'src/c.ts'), 'utf8')).toBe(USED);
  });

  it('a 239-character name is written (the temporary file beside it still fits in a folder entry)', () => {
    const name = `src/${'n'.repeat(236)}.ts`;
    const root = smallRepo({ [name]: USE });
    const run = cli(root, 'apply', '--commit');
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, name), 'utf8')).toBe(USED);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('what killed runs leave', () => {
  it('a recover killed before renaming its temporary file leaves nothing behind once recover runs again: no temporary file, no dead run\'s lock', async () => {
    const root = exampleRepo();
    const flag = path.join(root, '.git', 'verifying');
    const apply = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' apply --batch-size 5 --verify "touch '${flag}'; kill -9 \\$PPID" >/dev/null 2>&1`], { cwd: root, env: { ...process.env, CI: 'true' } });
    expect(apply.status).not.toBe(0);
    expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(true);
    const killed = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'helpers', 'fault-on-rename.js'), BIN, 'recover'], {
      cwd: root,
      env: { ...process.env, CI: 'true', SSOT_KILL_BEFORE_RENAME: '\\.tmp$' },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(leftovers(root).some((file) => file.endsWith('.tmp'))).toBe(true);
    const recover = cli(root, 'recover');
    expect(recover.status).toBe(0);
    expect(recover.stderr).toMatch(/^recovered an interrupted batch/);
    expect(leftovers(root)).toEqual([]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('a full disk while the state folder\'s .gitignore is written does not leave it empty for good', () => {
    const root = tempTree({});
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    // The module object itself (what every `import * as fs` reads through): its first write makes the file,
    // then fails, as a full disk does.
    const nodeFs = require('node:fs') as typeof fs;
    const writeFileSync = nodeFs.writeFileSync;
    nodeFs.writeFileSync = ((file: fs.PathOrFileDescriptor) => {
      nodeFs.writeFileSync = writeFileSync;
      if (typeof file === 'string') fs.closeSync(fs.openSync(file, 'w'));
      throw enospc;
    }) as typeof fs.writeFileSync;
    try {
      expect(() => acquireLock(root)).toThrow(/ENOSPC/);
    } finally {
      nodeFs.writeFileSync = writeFileSync;
    }
    acquireLock(root).release();
    expect(fs.readFileSync(path.join(root, '.ssot-codemod', '.gitignore'), 'utf8')).toBe('*\n');
  });
});

describe('sources and registries at the edges', () => {
  it('an 800 KB member chain is that file\'s clear failure (it nests too deeply), and the run goes on', () => {
    // With a construct rule, so that the file's scopes are analysed (where the depth shows).
    const root = smallRepo({
      'ssot.config.json': JSON.stringify({
        symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old', construct: { factory: 'makeEngine', from: 'src/engine' } }] }],
      }),
      'src/engine.ts': 'export class Engine {}\nexport function makeEngine(): Engine { return new Engine(); }\n',
      'src/chain.ts': `import { Engine } from './old';\nexport const x = new Engine();\nexport const y = a${'.b'.repeat(400_000)};\n`,
      'src/c.ts': USE,
    });
    const run = cli(root, 'apply');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ {2}src\/chain\.ts:1:1: .*nests too deeply/m);
    expect(fs.readFileSync(path.join(root, 'src/c.ts'), 'utf8')).toBe(USED);
  });

  it.each([
    ['nested 200,000 deep', '['.repeat(200_000), /: \$: invalid JSON: nested too deeply to be read/, ['check', 'apply']],
    // (`check` alone: every command loads the registry the same way, and 50 MB take a while to read.)
    ['holding a 50 MB glob', JSON.stringify({ include: [`src/${'x'.repeat(50 * 1024 * 1024)}/**`] }), /: \$\.include\[0\]: .* is too long \(expected a glob relative to the registry's folder, at most 65536 characters\)/, ['check']],
  ])('a registry %s is a registry error: exit 2, one line, no stack trace', (_name, text, message, commands) => {
    const root = tempTree({ 'ssot.config.json': text, 'src/a.ts': USE });
    for (const command of commands) {
      const run = cli(root, command);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });
});

describe('a 1.2 MB file with 200,000 `new E` sites that need a human (400,001 findings)', () => {
  // More findings than a function call may take as arguments: collected and printed one by one.
  const root = smallRepo({
    'ssot.config.json': JSON.stringify({
      symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'E', from: 'src/old', construct: { factory: 'makeEngine', from: 'src/engine', minArgs: 1 } }] }],
    }),
    'src/engine.ts': 'export class Engine {}\nexport function makeEngine(n: number): Engine { return new Engine(); }\n',
    'src/old.ts': "export { Engine as E } from './engine';\n",
    'src/user.ts': `import { E } from './old';\n${'new E;\n'.repeat(200_000)}`,
  });

  it.each([['text'], ['json']])('apply --dry-run reports every one of them (--format %s)', (format) => {
    // The report is tens of MB: more than spawnSync keeps by default.
    const run = spawnSync(process.execPath, [BIN, 'apply', '--dry-run', '--format', format], { cwd: root, encoding: 'utf8', env: cliEnv(), maxBuffer: 512 * 1024 * 1024 });
    expect(run.stderr).not.toMatch(/\n\s+at |RangeError/);
    expect(run.status).toBe(0);
    const findings = format === 'json' ? JSON.parse(run.stderr).findings.length : run.stderr.split('\n').filter((line) => line.startsWith('  src/user.ts:')).length;
    expect(findings).toBe(400_001);
  });
});

describe('a 2 MB file with 40,000 `new Legacy()` sites', () => {
  it('apply --dry-run --file-timeout 5 finishes in seconds, and its patch gives exactly what apply writes', () => {
    const sites = Array.from({ length: 40_000 }, (_, i) => `export const engine${i} = new Engine(${'1, '.repeat(i % 5)}${i});`);
    const big = `import { Engine } from './old';\n${sites.join('\n')}\n`;
    const root = smallRepo({
      'ssot.config.json': JSON.stringify({
        symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old', construct: { factory: 'makeEngine', from: 'src/engine' } }] }],
      }),
      'src/engine.ts': 'export class Engine { constructor(..._: number[]) {} }\nexport function makeEngine(...args: number[]): Engine { return new Engine(...args); }\n',
      'src/big.ts': big,
    });
    // 2 MB, under the 2 MiB above which a file is skipped as too large to be source.
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(big.length).toBeLessThan(2 * 1024 * 1024);
    // 40,000 singleton findings are several megabytes of summary.
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: 'true' } });
    const patch = path.join(root, '.git', 'big.patch');
    const started = Date.now();
    const dry = run('apply', '--dry-run', '--file-timeout', '5', '--workers', '0', '--out', patch);
    const seconds = (Date.now() - started) / 1000;
    expect(dry.stderr).not.toMatch(/timeout/);
    expect(dry.status).toBe(0);
    expect(seconds).toBeLessThan(30);
    git(root, 'apply', patch);
    const applied = fs.readFileSync(path.join(root, 'src/big.ts'), 'utf8');
    expect(applied.split('makeEngine(').length - 1).toBe(40_000);
    git(root, 'checkout', '--', 'src/big.ts');
    expect(run('apply', '--file-timeout', '5').status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'src/big.ts'), 'utf8')).toBe(applied);
  }, 90_000);
});
