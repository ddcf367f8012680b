/**
 * A lock's holder is told by more than its pid (issue 12, item 11): the machine it was taken on and that
 * machine's boot. A lock from an earlier boot has no holder left, whatever now runs under its pid; a lock
 * from another machine (a shared folder, another container) names a process this one cannot see, so it is
 * never taken for abandoned, and `--force` takes it over.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireLock, LockHeldError } from '../../src/batches/journal';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const lockFile = (root: string): string => path.join(root, '.ssot-codemod', 'lock');

function writeLock(root: string, content: string): void {
  fs.mkdirSync(path.dirname(lockFile(root)), { recursive: true });
  fs.writeFileSync(lockFile(root), content);
}

function refusal(root: string): LockHeldError {
  try {
    acquireLock(root).release();
  } catch (error) {
    if (error instanceof LockHeldError) return error;
    throw error;
  }
  throw new Error('the lock was taken');
}

/** A pid no process of this machine has now. */
function unusedPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('acquireLock judges the holder by pid, machine and boot', () => {
  it('writes the pid, this machine and its boot', () => {
    const root = makeTempDir();
    const lock = acquireLock(root);
    const lines = fs.readFileSync(lockFile(root), 'utf8').split('\n');
    expect(lines[0]).toBe(String(process.pid));
    expect(lines).toContain(`host ${os.hostname()}`);
    expect(lines.some((line) => /^boot \S+$/.test(line))).toBe(true);
    lock.release();
    expect(fs.existsSync(lockFile(root))).toBe(false);
  });

  const boot = fs.existsSync('/proc/sys/kernel/random/boot_id') ? it : it.skip;
  boot('a lock taken before this boot is taken over, though a live node process now has its pid', () => {
    const root = makeTempDir();
    // This very process: alive, node, started before the lock was written; only the boot tells.
    writeLock(root, `${process.pid}\nhost ${os.hostname()}\nboot 00000000-0000-0000-0000-000000000000\n`);
    fs.utimesSync(lockFile(root), new Date(), new Date());
    const lock = acquireLock(root);
    expect(fs.readFileSync(lockFile(root), 'utf8')).not.toContain('boot 00000000-');
    lock.release();
    // The same lock under this boot names a holder that runs: refused.
    const thisBoot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeLock(root, `${process.pid}\nhost ${os.hostname()}\nboot ${thisBoot}\n`);
    expect(refusal(root).pid).toBe(process.pid);
  });

  it('a lock taken on another machine is refused, naming it, even when its pid runs nowhere here; --force takes it over', () => {
    const root = makeTempDir();
    const pid = unusedPid();
    writeLock(root, `${pid}\nhost build-agent-7\nboot 11111111-2222-3333-4444-555555555555\n`);
    const error = refusal(root);
    expect(error.pid).toBe(pid);
    expect(error.message).toContain(`pid ${pid} on another machine (build-agent-7)`);
    expect(error.message).toContain('`ssot-codemod recover --force` takes the lock over');
    expect(fs.readFileSync(lockFile(root), 'utf8')).toContain('host build-agent-7');
    const forced = acquireLock(root, { force: true });
    expect(fs.readFileSync(lockFile(root), 'utf8').split('\n')[0]).toBe(String(process.pid));
    forced.release();
  });

  it('a lock that names only a pid (an older version\'s) is judged by that pid, as before', () => {
    const root = makeTempDir();
    writeLock(root, `${unusedPid()}\n`);
    acquireLock(root).release();
    writeLock(root, `${process.pid}\n`);
    expect(refusal(root).pid).toBe(process.pid);
  });
});
