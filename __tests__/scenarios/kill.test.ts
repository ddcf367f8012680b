/**
 * SIGKILL (of the whole process group) at chosen phases of `apply --batch-size 5 --verify CMD --commit` on a
 * generated 60-file git repository, then `recover`: every trial must be whole (see scripts/soak.js).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';
import { stateDirOf } from '../helpers/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runTrial } = require('../../scripts/soak.js') as {
  runTrial: (o: object) => Promise<{
    verdict: string; problems: string[]; exitedFirst: boolean; recovered: string | null; clearedCommit: string | null;
    batches: number; batchesCommitted: number; batchesFinal: number;
  }>;
};

const TREE = { files: 60, legacyShare: 0.2, seed: 3 };

afterAll(removeTempDirs);

describe('SIGKILL during apply --verify --commit, then recover', () => {
  const parent = makeTempDir('ssot-kill-');
  const marker = path.join(parent, 'verified');
  // Each verify appends a line, so the test can tell which batch is being verified; slow enough to be hit.
  const verify = `echo >> ${marker}; sleep 0.3`;
  const verifications = (): number => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').split('\n').length - 1 : 0);
  const head = (root: string): string => fs.readFileSync(path.join(root, '.git', 'refs', 'heads', 'main'), 'utf8');

  const trial = async (kill: object, preCommitHook?: string) => {
    fs.rmSync(marker, { force: true });
    const result = await runTrial({ parent, tree: TREE, batchSize: 5, verify, kill, preCommitHook });
    expect(result.problems).toEqual([]);
    expect(result.verdict).toBe('whole');
    return result;
  };

  it('at once, before anything is written', async () => {
    const r = await trial({ afterMs: 0 });
    expect(r.batches).toBeGreaterThanOrEqual(2);
    expect(r.batchesCommitted).toBe(0);
  }, 20000);

  it('while the first batch is journalled (writing or verifying): the batch is restored', async () => {
    const r = await trial({ when: (root: string) => fs.existsSync(path.join(stateDirOf(root), 'journal')) });
    expect(r.exitedFirst).toBe(false);
    expect(r.recovered).toMatch(/batch 1\//);
  }, 20000);

  it('while the second batch is verified, after the first was committed', async () => {
    const r = await trial({ when: () => verifications() >= 2 });
    expect(r.exitedFirst).toBe(false);
    expect(r.recovered).toMatch(/batch 2\//);
    expect(r.batchesCommitted).toBe(1);
  }, 20000);

  it('just after the first commit, between batches', async () => {
    let initial: string | null = null;
    const r = await trial({
      when: (root: string) => {
        initial ??= head(root);
        return head(root) !== initial;
      },
    });
    expect(r.exitedFirst).toBe(false);
    expect(r.batchesCommitted).toBeGreaterThanOrEqual(1);
  }, 20000);

  it('inside git commit, while its hook runs: no git lock is left to clear, and the batch stays written', async () => {
    // git runs the pre-commit hook in the middle of the commit; the hook says so, then waits to be killed.
    // The commit is built in an index of its own, so git holds no lock of the user's (the trial checks that
    // no .git/index.lock is left); an earlier version had its index lock to clear here.
    const inCommit = path.join(parent, 'in-commit');
    fs.rmSync(inCommit, { force: true });
    const r = await trial({ when: () => fs.existsSync(inCommit) }, `touch ${inCommit}; sleep 5`);
    expect(r.exitedFirst).toBe(false);
    expect(r.recovered).toBeNull();
    expect(r.clearedCommit).toMatch(/^cleared a batch commit that was interrupted \(pid \d+\): set the index entries of 5 file\(s\) back to HEAD's$/);
    expect(r.batchesCommitted).toBe(0);
    expect(r.batchesFinal).toBe(1);
  }, 20000);

  it('after the run already finished (the kill finds nothing): still whole, everything committed', async () => {
    const r = await trial({ afterMs: 15000 });
    expect(r.exitedFirst).toBe(true);
    expect(r.batchesCommitted).toBe(r.batches);
  }, 20000);
});
