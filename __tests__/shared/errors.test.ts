/**
 * The CLI maps every UserError, and only those, to exit 2 with its message on one line. These are the
 * classes it used to list one by one; each must stay a UserError, keeping its name, fields and message.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../src/shared/errors';
import { RegistryError } from '../../src/registry/load';
import { UsageError } from '../../src/cli/session';
import { BaselineError } from '../../src/report';
import { JournalPresentError, LockHeldError, RecoveryConflictError } from '../../src/batches/journal';
import { BatchPlanError } from '../../src/batches/plan';
import { InterruptedCommitError } from '../../src/vcs/batch-commit';
import { cli, exampleRepo } from '../helpers/cli';
import { removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const SRC = path.join(__dirname, '..', '..', 'src');

describe('the errors a user can act on', () => {
  const cases: [Error, string, string][] = [
    [new RegistryError('/r/ssot.config.json', '$.symbols', 'expected\nan array'), 'RegistryError', '/r/ssot.config.json: $.symbols: expected an array'],
    [new UsageError('--shard: expected I/N'), 'UsageError', '--shard: expected I/N'],
    [new BaselineError('base.json', 'expected a JSON object'), 'BaselineError', 'base.json: expected a JSON object'],
    [new LockHeldError(42, '/r/.ssot-codemod/lock'), 'LockHeldError',
      'another ssot-codemod run (pid 42) is working in this folder; wait for it to finish (lock: /r/.ssot-codemod/lock)'],
    [new BatchPlanError('batch size must be a positive whole number, got 0'), 'BatchPlanError', 'batch size must be a positive whole number, got 0'],
    [new RecoveryConflictError(['src/a.ts']), 'RecoveryConflictError',
      'the interrupted batch cannot be undone without losing edits made since: src/a.ts no longer hold what the batch wrote. ' +
        'Save those edits elsewhere, then recover with --force to restore the originals.'],
    [new JournalPresentError('/r/.ssot-codemod/journal'), 'JournalPresentError',
      "an interrupted batch's journal is present (/r/.ssot-codemod/journal); run `ssot-codemod recover` before writing anything"],
    [new InterruptedCommitError('/r/.ssot-codemod/commit.json', 'git failed'), 'InterruptedCommitError',
      'a batch commit was interrupted and could not be cleared up (git failed); fix that and run ssot-codemod recover ' +
        '(the marker /r/.ssot-codemod/commit.json stays for the next run)'],
  ];

  it.each(cases.map(([error, name, message]) => [name, error, message] as const))('%s is a UserError that keeps its name and message', (name, error, message) => {
    expect(error).toBeInstanceOf(UserError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it('keep their fields', () => {
    expect(new RegistryError('/r/c.json', '$.x', 'bad')).toMatchObject({ file: '/r/c.json', jsonPath: '$.x', expected: 'bad' });
    expect(new BaselineError('b.json', 'bad')).toMatchObject({ file: 'b.json' });
    expect(new LockHeldError(42, '/r/lock')).toMatchObject({ pid: 42, lockFile: '/r/lock' });
    expect(new RecoveryConflictError(['a.ts'])).toMatchObject({ files: ['a.ts'] });
    expect(new JournalPresentError('/r/j')).toMatchObject({ journal: '/r/j' });
    expect(new InterruptedCommitError('/r/m', 'why')).toMatchObject({ marker: '/r/m' });
  });
});

describe('every error class in src/', () => {
  /** Errors that are reported as data (per file, per batch) or are bugs: not for the CLI's exit 2. */
  const NOT_FOR_THE_USER = new Set([
    'GitError',
    'SourceParseError',
    'ModuleReadError',
    'StaleFileError',
    'WriteFailedError',
    'RollbackFailedError',
    'OutsideRootError',
    'FolderChangedError',
    'FileChangedError',
    'UnsafePathError',
    // the engine's own signal to parse a file whole: caught in pipeline.ts, never shown
    'WholeFileNeeded',
  ]);

  it('extends UserError, or is known not to be one: a new class must choose', () => {
    const plainErrors: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          for (const [, name, base] of fs.readFileSync(file, 'utf8').matchAll(/class (\w+) extends (\w+)/g)) {
            if (base === 'Error' && name !== 'UserError') plainErrors.push(name);
          }
        }
      }
    };
    walk(SRC);
    expect(plainErrors.filter((name) => !NOT_FOR_THE_USER.has(name))).toEqual([]);
  });
});

describe('the built CLI', () => {
  const expectUserError = (run: { status: number | null; stderr: string }, message: RegExp): void => {
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  };

  it('exits 2 with one line for a baseline, a commit marker and a journal it cannot use', () => {
    const root = exampleRepo();
    writeFiles(root, { 'baseline.json': '[]' });
    expectUserError(cli(root, 'check', '--baseline', 'baseline.json'), /^ssot-codemod: \S*baseline\.json: expected a JSON object/);

    // Our state lives in the git directory (a clone never carries it), and only a command that may write
    // (here `recover`) acts on it; `check` only reports it.
    const state = path.join(root, '.git', 'ssot-codemod');
    writeFiles(state, { 'commit.json': 'not a marker' });
    expectUserError(cli(root, 'recover'), /^ssot-codemod: a batch commit was interrupted and could not be cleared up/);
    fs.rmSync(path.join(state, 'commit.json'));

    const hash = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');
    writeFiles(state, {
      'journal/manifest.json': JSON.stringify({
        version: 1,
        label: 'batch 1',
        pid: 999999,
        startedAt: new Date(0).toISOString(),
        files: [{ path: 'src/edited.ts', original: '0', originalHash: hash('before\n'), mode: 0o644, afterHash: hash('after\n') }],
      }),
      'journal/originals/0': 'before\n',
    });
    writeFiles(root, { 'src/edited.ts': 'edited since\n' });
    expectUserError(cli(root, 'recover'), /^ssot-codemod: the interrupted batch cannot be undone without losing edits made since: src\/edited\.ts/);
  });
});
