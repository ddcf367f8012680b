/**
 * A run that stops is explained, and goes on from where it stopped. On a committed copy of the example,
 * `apply --batch-size 4 --verify CMD --commit` is stopped by a failing verify, by Ctrl-C (SIGINT to the
 * whole process group, as a terminal sends it) and by SIGTERM (to the program alone, as `kill` sends it),
 * each while batch 2 verifies. The batch under way is rolled back; batch 1 stays committed; the summary
 * counts every batch (written, committed, rolled back, not started) and prints the command that goes on;
 * nothing of ours is left behind; and that command, run as printed, finishes the migration exactly as an
 * uninterrupted run does.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cli, cliEnv, exampleRepo, treeState } from '../helpers/cli';
import { git, makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const BATCH_SIZE = '4';

/** The tree once the whole migration is committed, from a run nothing stopped. */
function migrated(): ReturnType<typeof treeState> {
  const root = exampleRepo();
  const run = cli(root, 'apply', '--batch-size', BATCH_SIZE, '--commit');
  expect(run.status).toBe(0);
  return treeState(root);
}

/** The tree after batch 1 alone, committed: where every stop in batch 2 must leave it. */
function afterBatchOne(): ReturnType<typeof treeState> {
  const root = exampleRepo();
  expect(cli(root, 'apply', '--batch-size', BATCH_SIZE, '--batch', '1', '--commit').status).toBe(0);
  return treeState(root);
}

/** A verify that appends to a counter and, the Nth time, does `then` (fail, or touch a marker and wait). */
function verifyCommand(dir: string, nth: number, then: string): string {
  const count = path.join(dir, 'count');
  return `echo x >> '${count}'; if [ "$(wc -l < '${count}')" -eq ${nth} ]; then ${then}; fi`;
}

/** The command the summary says goes on, run as a user would paste it (our built CLI standing for `ssot-codemod`). */
function goOn(root: string, stderr: string): { status: number | null; stderr: string } {
  const command = /^to go on: (ssot-codemod .*)$/m.exec(stderr)![1];
  const run = spawnSync('sh', ['-c', command.replace(/^ssot-codemod /, `'${process.execPath}' '${BIN}' `)], { cwd: root, encoding: 'utf8', env: cliEnv() });
  return { status: run.status, stderr: run.stderr };
}

function expectNothingOfOursLeft(root: string): void {
  expect(fs.existsSync(path.join(root, '.ssot-codemod', 'journal'))).toBe(false);
  expect(fs.existsSync(path.join(root, '.ssot-codemod', 'lock'))).toBe(false);
  expect(fs.existsSync(path.join(root, '.git', 'index.lock'))).toBe(false);
}

const ourState = (state: ReturnType<typeof treeState>) => ({ ...state, files: new Map([...state.files].filter(([f]) => !f.startsWith('.ssot-codemod'))) });

describe('a stopped apply is explained and goes on from where it stopped', () => {
  const finished = ourState(migrated());
  const stoppedInBatchTwo = ourState(afterBatchOne());

  it('verify fails on batch 2: rolled back, exit 3, true counts, and the printed command finishes the job', () => {
    const root = exampleRepo();
    const verify = verifyCommand(makeTempDir(), 2, 'echo "2 tests failed" >&2; exit 1');
    const run = cli(root, 'apply', '--batch-size', BATCH_SIZE, '--verify', verify, '--commit');
    expect(run.status).toBe(3);
    const total = Number(/^batch 1\/(\d+) /m.exec(run.stderr)![1]);
    expect(run.stderr).toMatch(new RegExp(`^stopped at batch 2 of ${total}: verify failed: 4 of \\d+ files changed in 1 batch, 1 committed$`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^batches of this run: 1 written \\(4 files\\), 1 committed, 1 rolled back \\(4 files\\), ${total - 2} not started \\(\\d+ files?\\)$`, 'm'));
    expect(run.stderr).toMatch(/^verify failed; batch 2 was rolled back:\n2 tests failed$/m);
    expect(run.stderr).toContain(`to go on: ssot-codemod apply --batch-size 4 --verify '${verify.replace(/'/g, `'\\''`)}' --commit`);
    expect(ourState(treeState(root))).toEqual(stoppedInBatchTwo);
    expectNothingOfOursLeft(root);

    const rest = goOn(root, run.stderr);
    expect(rest.status).toBe(0);
    // The rest of the plan, renumbered: what was batch 2 is now batch 1 of what is left.
    expect(rest.stderr).toMatch(new RegExp(`^batch 1/${total - 1} files 1-4: 4 files written`, 'm'));
    expect(ourState(treeState(root))).toEqual(finished);
    expect(git(root, 'log', '--format=%s').split('\n').filter((s) => s.startsWith('ssot-codemod: batch'))).toHaveLength(total);
  });

  it('the command that goes on after a run that wrote an --out-dir replaces that plan (--force), and works', () => {
    const root = exampleRepo();
    const verify = verifyCommand(makeTempDir(), 1, 'exit 1');
    const run = cli(root, 'apply', '--batch-size', BATCH_SIZE, '--out-dir', 'plan', '--verify', verify);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^to go on: ssot-codemod apply --batch-size 4 --out-dir plan --verify '.*' --force$/m);
    expect(goOn(root, run.stderr).status).toBe(0);
  });

  /** Whether a `sleep` runs in the process group `group` (from /proc). */
  function sleepingIn(group: number): boolean {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (stat.includes('(sleep)') && Number(fields[2]) === group) return true;
      } catch {
        // Gone while it was read.
      }
    }
    return false;
  }

  async function interrupted(signal: 'SIGINT' | 'SIGTERM', toGroup: boolean): Promise<{ root: string; status: number | null; stderr: string }> {
    const root = exampleRepo();
    const dir = makeTempDir();
    const marker = path.join(dir, 'verifying');
    const verify = verifyCommand(dir, 2, `touch '${marker}'; sleep 20`);
    // Its own process group, as a terminal gives a command: Ctrl-C reaches the group.
    const child = spawn(process.execPath, [BIN, 'apply', '--batch-size', BATCH_SIZE, '--verify', verify, '--commit'], { cwd: root, env: cliEnv(), detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The verify's `sleep` itself must be running: a signal that reaches its shell while it still waits for
    // `touch` (which exits normally) is set aside by the shell, which then starts the sleep all the same.
    for (let i = 0; i < 400 && !sleepingIn(child.pid!); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(marker)).toBe(true);
    expect(sleepingIn(child.pid!)).toBe(true);
    const started = Date.now();
    if (toGroup) process.kill(-child.pid!, signal);
    else child.kill(signal);
    const status = await exited;
    // Well before the verify's sleep would have ended on its own.
    expect(Date.now() - started).toBeLessThan(10_000);
    return { root, status, stderr };
  }

  it.each([
    ['SIGINT', true, 130],
    ['SIGTERM', false, 143],
  ] as const)('%s during batch 2\'s verify (to the process group: %s): rolled back, exit %d, counted, and the printed command finishes the job', async (signal, toGroup, code) => {
    const { root, status, stderr } = await interrupted(signal, toGroup);
    expect(status).toBe(code);
    expect(stderr).toContain(`ssot-codemod: ${signal}: stopping after rolling back the batch under way`);
    expect(stderr).toMatch(new RegExp(`^interrupted by ${signal} at batch 2 of \\d+: 4 of \\d+ files changed in 1 batch, 1 committed$`, 'm'));
    expect(stderr).toMatch(/^batches of this run: 1 written \(4 files\), 1 committed, 1 rolled back \(4 files\), \d+ not started/m);
    expect(stderr).toMatch(new RegExp(`^interrupted by ${signal}: batch 2 was rolled back$`, 'm'));
    expect(ourState(treeState(root))).toEqual(stoppedInBatchTwo);
    expectNothingOfOursLeft(root);

    const rest = goOn(root, stderr);
    expect(rest.status).toBe(0);
    expect(ourState(treeState(root))).toEqual(finished);
  }, 30_000);
});
