/**
 * A new user's mistakes, each made where it could do harm: in a git repository with a registry and files
 * that `apply` would rewrite. Every one is exit 2 with one line that names the mistake, and leaves the
 * tree and git's state exactly as they were. The spellings a user brings from elsewhere (`--dry`, `-d`,
 * `--no-color`) work.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, cliWith, exampleRepo, treeState, type CliRun } from '../helpers/cli';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const ESC = '\u001b[';

/** The run was refused: exit 2, one line naming the mistake, and nothing written. */
function expectRefused(root: string, args: string[], says: RegExp): CliRun {
  const before = treeState(root);
  const run = cli(root, ...args);
  expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 2, stdout: '' });
  expect(run.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^ssot-codemod: /)]);
  expect(run.stderr).toMatch(says);
  expect(treeState(root)).toEqual(before);
  return run;
}

describe('a usage problem stops before anything runs: exit 2, one line, nothing written', () => {
  const root = exampleRepo();

  it.each([
    [['apply', '--dryx'], /^ssot-codemod: Unknown argument: --dryx \(apply takes no such option\); did you mean --dry\?/],
    [['apply', '--no-such-option'], /Unknown argument: --no-such-option/],
    [['chek'], /Unknown argument: "chek" is not a command .*; did you mean "check"\?/],
    [['check', '--extensions=ts,tsx'], /Unknown argument: --extensions \(check takes no such option\): the files are those the registry's include and exclude globs name/],
    [['apply', '--quiet', '--verify', '--commit'], /--verify needs a value: a shell command/],
    [['apply', '--verify='], /--verify needs a value/],
    [['apply', '--batch', '0'], /--batch must be a whole number of 1 or more \(got 0\)/],
    [['apply', '--workers', '-1'], /--workers must be a whole number of 0 or more \(got -1\)/],
    [['apply', '--batch-size', 'abc'], /--batch-size must be a whole number of 1 or more \(got abc\)/],
    [['apply', '--batch-size'], /--batch-size needs a value/],
    [['apply', '--batch-size', '3', '--batch-size', '4'], /--batch-size is given 2 times; give it once/],
    [['check', '--max-violations', '-3'], /--max-violations must be a whole number of 0 or more \(got -3\)/],
    [['check', '--file-timeout', 'soon'], /--file-timeout must be a number of seconds above 0 \(got soon\)/],
    [['apply', '--format', 'sarif'], /--format must be text, json, markdown \(sarif is check's\) \(got sarif\)/],
    [['check', '--format', 'jsn'], /--format must be text, json, markdown, sarif \(got jsn\); did you mean "json"\?/],
    [['apply', '--batch-by', 'team'], /--batch-by must be files, directory, package, codeowners \(got team\)/],
    [['apply', '-t', 'aliased-import'], /--transform: unknown transform "aliased-import" .*; did you mean "aliased-imports"\?/],
    [['apply', '--shard', '4/3'], /--shard 4\/3: expected I\/N with 1 <= I <= N/],
    [['apply', '--dry-run', '--commit'], /--dry-run writes nothing, so there is nothing to --commit/],
    [['apply', '-d', '--verify', 'npm test'], /--dry-run writes nothing, so there is nothing to --verify/],
    [['apply', '--depth', '2'], /--depth groups folders: it goes with --batch-by directory \(not files\)/],
    [['apply', '--force'], /--force replaces an older plan in --out-dir/],
    [['check', '--out'], /--out needs a value/],
    [['transforms', 'extra'], /Unknown argument: "extra" \(transforms takes no such argument\)/],
    [[], /Name a command: init, check, apply, recover, transforms/],
  ])('%j', (args, says) => {
    expectRefused(root, args as string[], says);
  });

  it('a path, a glob or a registry include that matches nothing is named, and no gate passes on it', () => {
    expectRefused(root, ['check', '--max-violations', '0', 'packages/does-not-exist'],
      new RegExp(`^ssot-codemod: packages/does-not-exist: no such file or folder \\(paths are relative to the current folder, ${root}\\)`));
    expectRefused(root, ['check', '--max-violations', '0', 'src/**/*.vue'], /src\/\*\*\/\*\.vue: the glob matches no file or folder/);
    expectRefused(root, ['apply', '--dry-run', 'src/missing.ts'], /src\/missing\.ts: no such file or folder/);
    expectRefused(root, ['apply', 'src/types/jest-globals.d.ts'], /no file to scan: none of the paths given \(src\/types\/jest-globals\.d\.ts\) is a file the registry includes/);
    expectRefused(root, ['check', makeTempDir()], /outside the registry's folder/);
  });

  it('a quoted glob the shell left alone is expanded, and only what it matches is checked', () => {
    const run = cli(root, 'check', '--format', 'json', 'src/routes/*.ts');
    expect(run.status).toBe(0);
    const files = new Set((JSON.parse(run.stdout).findings as { file: string }[]).map((f) => f.file));
    expect([...files].sort()).toEqual(['src/routes/agent_routes.ts', 'src/routes/legacy_routes.ts']);
  });
});

describe('a registry that cannot be used stops every command the same way', () => {
  const registry = (root: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8'));
  const rewrite = (root: string, edit: (config: Record<string, any>) => void): void => {
    const config = registry(root);
    edit(config);
    fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify(config, null, 2));
  };

  it('an include glob that matches no file, a mistyped legacy name or path, an unknown key: named, with the nearest valid one', () => {
    const root = exampleRepo();
    const file = path.join(root, 'ssot.config.json');
    const original = fs.readFileSync(file, 'utf8');
    const refused = (edit: (config: Record<string, any>) => void, says: RegExp): void => {
      fs.writeFileSync(file, original);
      rewrite(root, edit);
      // Committed, so that git's view is as clean as a user's would be.
      for (const args of [['check', '--max-violations', '0'], ['apply', '--batch-size', '5', '--commit']]) {
        const before = treeState(root);
        const run = cli(root, ...args);
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(says)]);
        expect(treeState(root)).toEqual(before);
      }
    };
    refused((c) => (c.include = [...c.include, 'test/**/*.ts']), new RegExp(`^ssot-codemod: ${file}: \\$\\.include\\[2\\]: "test/\\*\\*/\\*\\.ts" matches no file`));
    refused((c) => (c.symbols[0].legacy[1].name = 'UserExecutionEngin'), /\$\.symbols\[0\]\.legacy\[1\]\.name: "src\/agents\/execution_engine_consolidated" does not export "UserExecutionEngin" .*; did you mean "UserExecutionEngine"\?$/);
    refused((c) => (c.symbols[1].legacy[0].from = 'src/agents/execution_engine_consolidatd'), /\$\.symbols\[1\]\.legacy\[0\]\.from: .* resolves to no file .*; did you mean "src\/agents\/execution_engine_consolidated"\?$/);
    refused((c) => Object.assign(c, { symbol: [] }), /\$\.symbol: unknown key \(expected one of: .*\); did you mean "symbols"\?$/);
  });

  it('accepts a registry with comments and trailing commas (JSONC)', () => {
    const root = exampleRepo();
    const file = path.join(root, 'ssot.config.json');
    const json = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `// the registry\n${json.replace(/\]\s*\}\s*$/, '], /* the end */\n}\n').replace('"symbols": [', '"symbols": [ // canonical exports')}`);
    const run = cli(root, 'check', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).total).toBeGreaterThan(0);
  });

  it('refuses to scan when every file the registry includes was skipped: nothing scanned is not clean', () => {
    const root = makeTempDir();
    writeFiles(root, {
      // (a registry that names something, outside the files it scans, so that what is refused is the scan)
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], symbols: [{ name: 'X', from: 'lib/canon', legacy: [{ name: 'X', from: 'lib/old' }] }] }),
      'lib/canon.ts': 'export const X = 1;\n',
      'lib/old.ts': "export { X } from './canon';\n",
      'src/blob.ts': Buffer.from([0x69, 0x00, 0x01]),
    });
    const run = cli(root, 'check', '--max-violations', '0');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('ssot-codemod: no file was scanned: all 1 file(s) to scan were skipped (src/blob.ts: binary (a NUL byte in its first 8 KB))');
  });
});

describe('what a user brings from other tools works', () => {
  const root = exampleRepo();

  it('--dry and -d are --dry-run: the patch is printed and nothing is written', () => {
    const before = treeState(root);
    const reference = cli(root, 'apply', '--dry-run');
    expect(reference.status).toBe(0);
    for (const flag of ['--dry', '-d']) {
      const run = cli(root, 'apply', flag);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(reference.stdout);
      expect(run.stdout).toMatch(/^diff --git /m);
    }
    expect(treeState(root)).toEqual(before);
  });

  it('--color, --no-color, FORCE_COLOR and NO_COLOR: flags first, then FORCE_COLOR, then NO_COLOR; none when piped', () => {
    // A small tree: a dashboard with counts to colour, and one file to patch.
    const root = makeTempDir();
    writeFiles(root, {
      'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Old', from: 'src/old' }] }] }),
      'src/engine.ts': 'export class Engine {}\n',
      'src/old.ts': "export { Engine as Old } from './engine';\n",
      'src/use.ts': "import { Old } from './old';\nexport type T = Old;\n",
    });
    const coloured = (run: CliRun): boolean => run.stdout.includes(ESC);
    expect(coloured(cli(root, 'check'))).toBe(false);
    expect(coloured(cli(root, 'check', '--color'))).toBe(true);
    expect(coloured(cliWith(root, { FORCE_COLOR: '1' }, 'check'))).toBe(true);
    expect(coloured(cliWith(root, { FORCE_COLOR: '0' }, 'check'))).toBe(false);
    expect(coloured(cliWith(root, { FORCE_COLOR: '1' }, 'check', '--no-color'))).toBe(false);
    expect(coloured(cliWith(root, { NO_COLOR: '1' }, 'check', '--color'))).toBe(true);
    expect(coloured(cliWith(root, { NO_COLOR: '1', FORCE_COLOR: '1' }, 'check'))).toBe(true);
    expect(coloured(cli(root, 'apply', '--dry-run', '--color'))).toBe(true);
    expect(coloured(cliWith(root, { FORCE_COLOR: '1' }, 'apply', '--dry-run', '--no-color'))).toBe(false);
    // The colours are only added: without them, the same text.
    expect(cli(root, 'check', '--color').stdout.replace(/\u001b\[\d+m/g, '')).toBe(cli(root, 'check').stdout);
  });

  it('--quiet prints the findings alone, as path:line:col: kind: message, and no summary or notes', () => {
    const json = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
    const lines = (json.findings as { file: string; line: number; column: number; kind: string; message: string }[])
      .map((f) => `${f.file}:${f.line}:${f.column}: ${f.kind}: ${f.message}`);
    const check = cli(root, 'check', '--quiet');
    expect(check.stdout.trim().split('\n')).toEqual(lines);
    expect(check.stderr).toBe('');
    const apply = cli(root, 'apply', '--dry-run', '-q');
    expect(apply.stdout).toBe(cli(root, 'apply', '--dry-run').stdout);
    const humans = lines.filter((line) => apply.stderr.includes(line));
    expect(apply.stderr.trim().split('\n')).toEqual(humans);
    expect(humans.length).toBeGreaterThan(0);
  });

  it('check --out writes the report to the file, in the format asked, and nothing to standard output', () => {
    const out = path.join(makeTempDir(), 'report.sarif');
    const run = cli(root, 'check', '--format', 'sarif', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain(ESC);
  });
});
