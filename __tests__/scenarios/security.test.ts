/**
 * Security (the hardening issue, part 7). Three promises, and where each is proven:
 *
 * 1. The registry is data (JSON) and never executed: "a registry whose strings look like code" in
 *    __tests__/hostile-input.test.ts (registry strings holding `require(…)`, `$(…)`, backticks, template
 *    literals and `__proto__` keys are rejected or loaded as plain strings; nothing runs, nothing is
 *    polluted). Below, registry strings and file names full of shell metacharacters reach no shell either.
 * 2. Links leading outside the registry's folder are neither read nor written: "files the CLI must not read
 *    or write" in __tests__/cli.test.ts (the CLI, end to end), "discoverFiles: links" in
 *    __tests__/discover.test.ts (never followed out or into a folder) and "never writes outside the root,
 *    even through a link" in __tests__/journal.test.ts (the writer refuses one it is handed).
 * 3. `--verify` is the only command run through a shell: here. The built CLI runs under a Node preload
 *    (helpers/record-child-processes.js) that records every child_process call, in the main thread and in
 *    worker threads; a `git` on PATH that logs and hands over to the real one checks that no git was
 *    started past the recorder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { REPO } from '../helpers/cli';
import { gitArgs, isGitWithArgumentArray, recordedCli as record, started, type RecordedRun } from '../helpers/recorded-cli';

/** Each would create a file named `pwned` if any of it reached a shell. */
const HOSTILE_DIR = '$(touch pwned)';
const HOSTILE_LEGACY = `src/${HOSTILE_DIR}/old\`touch pwned\`;x`;
const CONSUMERS = ['src/a; touch pwned.ts', `src/${HOSTILE_DIR}.ts`, 'src/`touch pwned` | touch pwned.ts'];
/** Enough files for the worker threads to be used (run-files' MIN_FILES_FOR_WORKERS). */
const FILLER_FILES = 500;

const recordedCli = (cwd: string, ...args: string[]): RecordedRun => record(cwd, args);

/**
 * A committed repository whose registry, legacy module path and file names are full of shell
 * metacharacters, with three consumers to migrate and enough plain files for the worker threads.
 */
function hostileRepo(): string {
  const root = makeTempRepo();
  // Nothing git could start on its own (automatic gc or maintenance) may blur the count of git runs.
  git(root, 'config', 'gc.auto', '0');
  git(root, 'config', 'maintenance.auto', 'false');
  const importLegacy = `import { Engine } from './${HOSTILE_DIR}/old\`touch pwned\`;x';\n`;
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify({
      include: ['src/**/*.ts', `${HOSTILE_DIR}/**/*.ts`, '`touch pwned`;*.ts'],
      exclude: ['src/**/*; touch pwned; x.d.ts', 'src/$(touch pwned)/never/**'],
      symbols: [{ name: 'Engine', from: 'src/canonical/engine', legacy: [{ name: 'Engine', from: HOSTILE_LEGACY }] }],
    }, null, 2),
    'src/canonical/engine.ts': 'export class Engine {}\n',
    [`${HOSTILE_LEGACY}.ts`]: "export { Engine } from '../canonical/engine';\n",
    // Each include glob must match a file (one that matches none is a registry error), the hostile ones too;
    // in a glob, `$(touch pwned)` is `$` and a group that matches `touch pwned`.
    '`touch pwned`;plain.ts': 'export const plain = 0;\n',
    '$touch pwned/plain.ts': 'export const plain = 0;\n',
  };
  for (const [i, consumer] of CONSUMERS.entries()) files[consumer] = `${importLegacy}export type E${i} = Engine;\n`;
  for (let i = 0; i < FILLER_FILES; i++) files[`src/plain/f${String(i).padStart(3, '0')}.ts`] = `export const n${i} = ${i};\n`;
  writeFiles(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'hostile names');
  return root;
}

/** Every file or folder named exactly `pwned` under `dir`. */
function pwnedUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => path.basename(name) === 'pwned').map((name) => path.join(dir, name));
}

function expectNoPwned(root: string): void {
  expect([...pwnedUnder(root), ...[REPO, path.dirname(root)].map((dir) => path.join(dir, 'pwned')).filter((f) => fs.existsSync(f))]).toEqual([]);
}




afterAll(removeTempDirs);

describe('the commands ssot-codemod runs', () => {
  it('apply --verify --commit runs the verify command exactly as given once per batch, git with argument arrays, and nothing else', () => {
    const root = hostileRepo();
    const verifyLog = path.join(makeTempDir('ssot-verify-log-'), 'verify.log');
    // In single quotes for the shell: run once, as given, it prints this text; quoted or split wrongly, it touches pwned.
    const verifyText = '$(touch pwned) `touch pwned`; touch pwned | touch pwned';
    const verify = `printf '%s\\n' '${verifyText}' >> '${verifyLog}'`;

    const run = recordedCli(root, 'apply', '--batch-size', '1', '--workers', '2', '--verify', verify, '--commit');

    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    // The recorder was in place in the main thread and in the worker threads that did the parsing.
    expect(run.calls.filter((call) => call.fn === 'hook-loaded' && call.thread > 0).length).toBeGreaterThan(0);

    const calls = started(run);
    const verifyCalls = calls.filter((call) => !isGitWithArgumentArray(call));
    expect(verifyCalls).toEqual(CONSUMERS.map(() => expect.objectContaining({ fn: 'spawn', file: verify, args: null, shell: true, cwd: root })));
    expect(calls.filter(isGitWithArgumentArray).length).toBeGreaterThan(0);
    expect(run.gitOnPath).toEqual(gitArgs(run));
    expect(fs.readFileSync(verifyLog, 'utf8')).toBe(CONSUMERS.map(() => `${verifyText}\n`).join(''));

    // And it did its work: one commit per batch, each consumer repointed.
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual([3, 2, 1].map((k) => `ssot-codemod: batch ${k}/3 (file ${k})`).concat('hostile names'));
    for (const consumer of CONSUMERS) expect(fs.readFileSync(path.join(root, consumer), 'utf8')).toMatch(/^import \{ Engine \} from '\.\/canonical\/engine';\n/);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expectNoPwned(root);
  });

  it('apply without --verify, and check, run no shell at all: only git with argument arrays', () => {
    const root = hostileRepo();
    const check = recordedCli(root, 'check', '--format', 'json', '--workers', '2');
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).violations['legacy-path']).toBe(CONSUMERS.length);

    const apply = recordedCli(root, 'apply', '--batch-size', '2', '--workers', '2', '--commit');
    expect(apply.status).toBe(0);
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toHaveLength(3);

    for (const run of [check, apply]) {
      expect(run.calls.filter((call) => call.fn === 'hook-loaded').length).toBeGreaterThan(1);
      expect(started(run).filter((call) => !isGitWithArgumentArray(call))).toEqual([]);
      expect(run.gitOnPath).toEqual(gitArgs(run));
    }
    expect(gitArgs(apply).some((args) => args.includes('commit'))).toBe(true);
    expectNoPwned(root);
  });
});
