/**
 * Write faults, at the CLI level: the built `ssot-codemod apply` on a temporary git repository holding the
 * example codebase. (The same faults against `applyBatchAtomically` itself are in journal.test.ts.)
 *
 * `apply` plans every batch first, then writes them one by one, running `--verify` after each. So the
 * verify command of batch 1 is a hook-free way to damage a file of batch 2 between its planning and its
 * writing: edit it, make it read-only, or remove its folder. Each time, batch 2 must be refused or rolled
 * back as a whole, with one line naming the file and the reason, and exit 1; batch 1 stays written; the
 * run stops; no journal and no lock are left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempDir, removeTempDirs } from '../helpers/temp-repo';
import { BIN, cli, exampleRepo, stateDirOf, type CliRun } from '../helpers/cli';

const BATCH_SIZE = '4';


interface FileState {
  text: string;
  mode: string;
}

/** Every file a user sees (not .git, not our .ssot-codemod state), with its content and mode. */
function tree(root: string): Record<string, FileState> {
  const files: Record<string, FileState> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '.git' || entry.name === '.ssot-codemod') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = {
        text: fs.readFileSync(full, 'utf8'),
        mode: (fs.statSync(full).mode & 0o777).toString(8),
      };
    }
  };
  walk(root);
  return files;
}

/** What the state folder holds besides its own .gitignore: a journal, a draft, trash or a lock would show. */
function leftoverState(root: string): string[] {
  const dir = stateDirOf(root);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name !== '.gitignore').sort() : [];
}

/**
 * Runs `apply --batch-size 4 --verify …` whose verify, the first time it runs (after batch 1), runs `damage`
 * in the registry's folder. Returns the run and how many times verify ran.
 */
function applyDamagingBatchTwo(root: string, damage: string, ...extra: string[]): CliRun & { verifyRuns: number } {
  const dir = makeTempDir('ssot-fault-');
  const done = path.join(dir, 'damage-done');
  const runs = path.join(dir, 'verify-runs');
  const verify = `echo ran >> '${runs}'; test -e '${done}' || { touch '${done}' && ${damage}; }`;
  const run = cli(root, 'apply', '--batch-size', BATCH_SIZE, '--verify', verify, ...extra);
  const verifyRuns = fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0;
  return { ...run, verifyRuns };
}

/** The plan of the example at --batch-size 4, and what batch 1 writes, from a clean run of batch 1 alone. */
let plan: string[][];
let batchOne: Record<string, FileState>;
let pristine: Record<string, FileState>;

beforeAll(() => {
  const reference = exampleRepo();
  pristine = tree(reference);
  const dry = cli(reference, 'apply', '--dry-run', '--batch-size', BATCH_SIZE, '--format', 'json', '--out', path.join(makeTempDir(), 'plan.patch'));
  expect(dry.status).toBe(0);
  plan = JSON.parse(dry.stdout).batches.map((b: { batch: { files: string[] } }) => b.batch.files);
  expect(cli(reference, 'apply', '--batch-size', BATCH_SIZE, '--batch', '1').status).toBe(0);
  const written = tree(reference);
  batchOne = Object.fromEntries(plan[0].map((file) => [file, written[file]]));
});

afterAll(removeTempDirs);

/** The last file of batch 2, so the files before it in the batch are written first, and its folder. */
const target = (): string => plan[1][plan[1].length - 1];
const targetFolder = (): string => path.posix.dirname(target());

/** The pristine tree with batch 1 written over it. */
function afterBatchOne(): Record<string, FileState> {
  return { ...pristine, ...batchOne };
}

function expectStoppedAtBatchTwo(run: CliRun & { verifyRuns: number }, status: number): string {
  expect(run.status).toBe(status);
  expect(run.stderr).toMatch(new RegExp(`^batch 1/${plan.length} files 1-4: 4 files written`, 'm'));
  expect(run.stderr).toMatch(new RegExp(`^batch 2/${plan.length} files 5-8: 4 files failed`, 'm'));
  expect(run.stderr).not.toMatch(/^batch 3\//m);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  // Verify ran after batch 1 only: batch 2 never reached it.
  expect(run.verifyRuns).toBe(1);
  const lines = run.stderr.split('\n').filter((line) => line.startsWith('batch 2 was not written: '));
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('apply: a file of batch 2 is damaged after planning, before batch 2 is written', () => {
  it('has a plan these tests can use: batch 2 has files both inside and outside the folder of its last file', () => {
    expect(plan.length).toBeGreaterThanOrEqual(3);
    expect(plan[0]).toHaveLength(4);
    expect(plan[1]).toHaveLength(4);
    expect(plan[0].some((file) => file.startsWith(`${targetFolder()}/`))).toBe(false);
    expect(plan[1].some((file) => !file.startsWith(`${targetFolder()}/`))).toBe(true);
    for (const file of plan[0]) expect(batchOne[file].text).not.toBe(pristine[file].text);
  });

  it('refuses batch 2 when one of its files was edited meanwhile (content hash), writes none of it, and commits only batch 1', () => {
    const root = exampleRepo();
    const edit = '// edited by someone else\n';
    const run = applyDamagingBatchTwo(root, `printf '${edit.trimEnd()}\\n' >> '${target()}'`, '--commit');

    const message = expectStoppedAtBatchTwo(run, 1);
    expect(message).toBe(
      `batch 2 was not written: ${target()} changed since the batch was planned; ` +
        'nothing was written. Run again to plan from the current content.',
    );
    const expected = afterBatchOne();
    expected[target()] = { ...pristine[target()], text: pristine[target()].text + edit };
    expect(tree(root)).toEqual(expected);
    // One commit, batch 1's; the edit made by "someone else" is left for them, uncommitted.
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual([`ssot-codemod: batch 1/${plan.length} (files 1-4)`, 'example']);
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([...plan[0]].sort());
    expect(git(root, 'status', '--porcelain').trim()).toBe(`M ${target()}`);
    expect(leftoverState(root)).toEqual([]);
  });

  it('rolls batch 2 back when one of its files became read-only, restoring the files written before it', () => {
    const root = exampleRepo();
    const run = applyDamagingBatchTwo(root, `chmod 444 '${target()}'`);

    const message = expectStoppedAtBatchTwo(run, 1);
    expect(message).toBe(
      `batch 2 was not written: could not write ${target()}: the file is read-only. ` +
        'Every file of the batch was restored to its original content.',
    );
    const expected = afterBatchOne();
    expected[target()] = { ...pristine[target()], mode: '444' };
    expect(tree(root)).toEqual(expected);
    expect(leftoverState(root)).toEqual([]);
  });

  it('refuses batch 2 when the folder of some of its files vanished, and does not recreate it', () => {
    const root = exampleRepo();
    const run = applyDamagingBatchTwo(root, `rm -r '${targetFolder()}'`);

    const message = expectStoppedAtBatchTwo(run, 1);
    const firstGone = plan[1].find((file) => file.startsWith(`${targetFolder()}/`))!;
    expect(message).toBe(
      `batch 2 was not written: ${firstGone} no longer exists: its folder was removed since the batch was planned; ` +
        'nothing was written. Run again to plan from the current content.',
    );
    const expected = Object.fromEntries(Object.entries(afterBatchOne()).filter(([file]) => !file.startsWith(`${targetFolder()}/`)));
    expect(tree(root)).toEqual(expected);
    expect(fs.existsSync(path.join(root, targetFolder()))).toBe(false);
    expect(leftoverState(root)).toEqual([]);
  });
});

describe('apply: a folder swapped for a link to outside while a batch is being written', () => {
  it('writes nothing through the link: the batch is rolled back and the copy outside is untouched', () => {
    const root = exampleRepo();
    const files = plan.flat();
    const first = files[0];
    const last = files[files.length - 1];
    expect(path.posix.dirname(first)).not.toBe(path.posix.dirname(last));
    const folder = path.join(root, path.posix.dirname(last));
    const outside = path.join(makeTempDir('ssot-outside-'), 'copy');
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'helpers', 'fault-on-rename.js'), BIN, 'apply', '--batch-size', '50'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', SSOT_SWAP_AFTER: path.posix.basename(first), SSOT_SWAP_FOLDER: folder, SSOT_SWAP_TO: outside },
    });
    // The swap happened (the folder is now a link), and every file in the copy outside holds what it held.
    expect(fs.lstatSync(folder).isSymbolicLink()).toBe(true);
    for (const name of fs.readdirSync(outside)) {
      const relative = path.posix.join(path.posix.dirname(last), name);
      if (pristine[relative]) expect({ name, text: fs.readFileSync(path.join(outside, name), 'utf8') }).toEqual({ name, text: pristine[relative].text });
    }
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^batch 1 was not written: could not write ${last.replace(/[.]/g, '\\.')}: its folder was replaced since the batch was planned`, 'm'));
    expect(run.stderr).toMatch(/Every file of the batch was restored to its original content\./);
    expect(fs.readFileSync(path.join(root, first), 'utf8')).toBe(pristine[first].text);
    expect(leftoverState(root)).toEqual([]);
  });
});

describe('apply: two runs at once', () => {
  // cli.test.ts checks the refusal against a lock file written by hand; this one races two real runs.
  it('refuses a second apply while the first is verifying a batch, naming the first one\'s pid; the first then finishes and lets go', async () => {
    const root = exampleRepo();
    const dir = makeTempDir('ssot-lock-');
    const verifying = path.join(dir, 'verifying');
    const proceed = path.join(dir, 'proceed');
    // Verify waits (at most 20 s) for the test to let it go.
    const verify = `touch '${verifying}'; i=0; while [ ! -e '${proceed}' ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done`;
    const first = spawn(process.execPath, [BIN, 'apply', '--batch-size', '50', '--verify', verify], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
    });
    let firstStderr = '';
    first.stderr.on('data', (chunk: Buffer) => (firstStderr += chunk.toString('utf8')));
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 300 && !fs.existsSync(verifying); i++) await new Promise((r) => setTimeout(r, 50));
      expect(fs.existsSync(verifying)).toBe(true);
      const treeMidRun = tree(root);

      const second = cli(root, 'apply', '--batch-size', '50');
      expect(second.status).toBe(2);
      expect(second.stderr.trim()).toBe(
        `ssot-codemod: another ssot-codemod run (pid ${first.pid}) is working in this folder; ` +
          `wait for it to finish (lock: ${path.join(stateDirOf(root), 'lock')})`,
      );
      // The second run touched nothing: not the files, not the first run's journal.
      expect(tree(root)).toEqual(treeMidRun);
      expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(true);
    } finally {
      fs.writeFileSync(proceed, '');
    }
    expect(await firstExit).toBe(0);
    expect(firstStderr).toMatch(/^batch 1\/1 files 1-\d+: \d+ files written/m);
    expect(leftoverState(root)).toEqual([]);
    expect(cli(root, 'apply').stderr).toMatch(/^0 of \d+ files changed/m);
  }, 30_000);
});
