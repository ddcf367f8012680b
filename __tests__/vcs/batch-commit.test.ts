/**
 * What a run killed inside `git commit` leaves, and who may clear it. The real kill is in kill.test.ts;
 * here the marker and git's locks are laid out by hand to reach the cases a kill rarely hits.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitBatch as commitUnderLock, InterruptedCommitError, settleInterruptedCommit, type ClearedCommit } from '../../src/vcs/batch-commit';
import { acquireLock } from '../../src/batches/lock';
import { ensureStateDir, stateLocation } from '../../src/batches/state-dir';
import { git, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

/** What a command does first, under the tree's lock: the cleared-up part of what it settles. */
function clearInterruptedCommit(root: string): ClearedCommit | null {
  const lock = acquireLock(root);
  try {
    return settleInterruptedCommit(lock)?.cleared ?? null;
  } finally {
    lock.release();
  }
}

function commitBatch(root: string, files: string[], message: string): Promise<string> {
  const lock = acquireLock(root);
  return commitUnderLock(lock, files, message).finally(() => lock.release());
}

/** Where the commit record lives: in the git directory, which a clone never carries. */
function markerOf(root: string): string {
  return path.join(ensureStateDir(stateLocation(root)), 'commit.json');
}

/** A pid that no process has any more. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function repoWithInterruptedCommit(owner: number, lockAgeMs = 0): { root: string; lock: string; marker: string } {
  const root = makeTempRepo();
  writeFiles(root, { 'a.ts': 'before\n', 'b.ts': 'b\n' });
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'start');
  // The batch was written; its commit got as far as staging a.ts before the kill.
  writeFiles(root, { 'a.ts': 'after\n' });
  git(root, 'add', 'a.ts');
  const lock = path.join(root, '.git', 'index.lock');
  fs.writeFileSync(lock, '');
  const startedAtMs = Date.now();
  if (lockAgeMs) fs.utimesSync(lock, new Date(startedAtMs - lockAgeMs), new Date(startedAtMs - lockAgeMs));
  const marker = markerOf(root);
  const parent = git(root, 'rev-parse', 'HEAD').trim();
  const hash = crypto.createHash('sha256').update('after\n').digest('hex');
  fs.writeFileSync(marker, JSON.stringify({
    version: 2, pid: owner, writtenAtMs: startedAtMs, gitPid: null, parent, message: 'ssot-codemod: batch 1/1 (file 1)\n', files: [{ path: 'a.ts', hash }],
  }));
  return { root, lock, marker };
}

describe('clearInterruptedCommit', () => {
  it('removes the lock made by the dead run and unstages its batch, keeping the written file', () => {
    const { root, lock, marker } = repoWithInterruptedCommit(deadPid());
    const cleared = clearInterruptedCommit(root);
    expect(cleared).toEqual({ pid: expect.any(Number), removedLocks: [lock], resetFiles: ['a.ts'] });
    expect(fs.existsSync(lock)).toBe(false);
    expect(fs.existsSync(marker)).toBe(false);
    expect(git(root, 'status', '--porcelain')).toBe(' M a.ts\n');
    expect(fs.readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('after\n');
  });

  it('leaves a lock older than the commit (somebody else\'s), and says git\'s reason for stopping', () => {
    const { root, lock, marker } = repoWithInterruptedCommit(deadPid(), 60_000);
    expect(() => clearInterruptedCommit(root)).toThrow(/could not be cleared up \(fatal: Unable to create '.*index\.lock': File exists\.\)/);
    expect(fs.existsSync(lock)).toBe(true);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('touches nothing while the committing run is alive', async () => {
    // The committing run is a Node process (a process of another program under its pid would be another one).
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      const { root, lock, marker } = repoWithInterruptedCommit(alive.pid!);
      expect(clearInterruptedCommit(root)).toBeNull();
      expect(fs.existsSync(lock)).toBe(true);
      expect(fs.existsSync(marker)).toBe(true);
    } finally {
      alive.kill();
    }
  });

  it('is nothing without a marker, and refuses (keeping it) a marker it cannot read', () => {
    const root = makeTempRepo();
    expect(clearInterruptedCommit(root)).toBeNull();
    fs.writeFileSync(markerOf(root), '{"version": 9}');
    expect(() => clearInterruptedCommit(root)).toThrow(InterruptedCommitError);
    expect(() => clearInterruptedCommit(root)).toThrow(/commit\.json stays for the next run/);
  });
});

describe('commitBatch', () => {
  it('commits and leaves no marker behind, whether the commit succeeds or fails', async () => {
    const root = makeTempRepo();
    writeFiles(root, { 'a.ts': '1\n' });
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'start');
    writeFiles(root, { 'a.ts': '2\n' });
    const marker = markerOf(root);
    await expect(commitBatch(root, [path.join(root, 'a.ts')], 'batch 1')).resolves.toMatch(/^[0-9a-f]{40}$/);
    expect(fs.existsSync(marker)).toBe(false);
    await expect(commitBatch(root, [path.join(root, 'a.ts')], 'nothing left')).rejects.toThrow(/failed/);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
