/**
 * One run at a time per tree (the repository's work tree, or the registry's folder outside git): every
 * command that may write (`apply`, `recover`) holds the lock from before it recovers anything until it
 * ends, so that no recovery can undo the batch of a run going on beside it. The lock file holds the
 * holder's pid, the machine it runs on and that machine's boot; its time says when it was taken. So a
 * process that started later under the same pid (reused, or pid 1 of the next container) is not taken for
 * the holder, nor is any process after a reboot; and a lock taken on another machine (a shared folder, a
 * container with a host name of its own), whose holder this one cannot see, is never taken for abandoned.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureStateDir, stateLocation, type StateLocation } from './state-dir';
import { commandLineOf, currentBootId, livenessOf, type Liveness } from '../shared/process';
import { readTextIfPresent } from '../shared/fs';
import { UserError } from '../shared/errors';

export interface Lock {
  readonly location: StateLocation;
  readonly file: string;
  readonly pid: number;
  /** Throws if the lock is no longer ours (another run took it over with --force). */
  assertHeld(): void;
  /** Removes the lock if it is still ours; calling it again does nothing. */
  release(): void;
}

export class LockHeldError extends UserError {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
    readonly liveness: Liveness = 'running',
    /** The holder runs but is no ssot-codemod command: --force may take the lock over. */
    forceable = false,
    /** The machine that took the lock, when it is not this one. */
    readonly host?: string,
  ) {
    super(
      host !== undefined
        ? `the lock ${lockFile} was taken by pid ${pid} on another machine (${host}), which this one cannot see; ` +
          'if no ssot-codemod run is going on there, `ssot-codemod recover --force` takes the lock over'
        : liveness === 'running'
          ? `another ssot-codemod run (pid ${pid}) is working in this folder; wait for it to finish (lock: ${lockFile})` +
            (forceable ? '; if pid ' + pid + ' is not an ssot-codemod run, `ssot-codemod recover --force` takes the lock over' : '')
          : `the lock ${lockFile} names pid ${pid}, which runs, but this system cannot tell whether it is the ssot-codemod run that took the lock; ` +
            'if no ssot-codemod run is going on, `ssot-codemod recover --force` takes the lock over',
    );
    this.name = 'LockHeldError';
  }
}

export class LockLostError extends UserError {
  constructor(readonly lockFile: string) {
    super(`the lock ${lockFile} was taken over by another run (recover --force?); stopped before writing anything more`);
    this.name = 'LockLostError';
  }
}

/**
 * Takes the lock of the tree `root` belongs to. A lock whose holder is gone (it crashed or was killed) is
 * taken over; one whose holder cannot be told apart from a live process only with `force`.
 */
export function acquireLock(root: string, options: { force?: boolean } = {}): Lock {
  const location = stateLocation(root);
  const lockFile = path.join(ensureStateDir(location), 'lock');
  removeAbandonedDrafts(location.dir);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockFile)) return ownedLock(location, lockFile);
    const held = readLock(lockFile);
    if (held) {
      const liveness = holderLiveness(held);
      const elsewhere = held.host !== null && held.host !== os.hostname() ? held.host : undefined;
      const forceable = liveness !== 'gone' && (elsewhere !== undefined || mayForce(held.pid, liveness));
      if (liveness !== 'gone' && !(options.force && forceable)) throw new LockHeldError(held.pid, lockFile, liveness, forceable, elsewhere);
    }
    takeOver(lockFile, held?.content ?? null);
  }
  const held = readLock(lockFile);
  throw new LockHeldError(held?.pid ?? -1, lockFile);
}

interface HeldLock {
  pid: number;
  /** The machine and the boot it was taken under; null in a lock that does not say (an older version's). */
  host: string | null;
  boot: string | null;
  writtenAtMs: number;
  content: string;
}

/** What a lock holds: the pid, then `host <name>` and `boot <id>` lines. */
function lockContent(): string {
  return `${process.pid}\nhost ${os.hostname()}\nboot ${currentBootId() ?? 'unknown'}\n`;
}

/**
 * Whether the holder still runs. Another machine's process cannot be seen from here: `unknown`. On this
 * machine, a lock taken before its last boot has no holder left; otherwise the pid is judged as any record's.
 */
function holderLiveness(held: HeldLock): Liveness {
  if (held.host !== null && held.host !== os.hostname()) return 'unknown';
  const boot = currentBootId();
  if (held.boot !== null && boot !== null && held.boot !== 'unknown' && held.boot !== boot) return 'gone';
  return livenessOf(held.pid, held.writtenAtMs);
}

/**
 * `--force` takes over a lock whose holder cannot be told apart from a live process, or that runs but is
 * not an ssot-codemod command; never one held by an ssot-codemod command that runs (a recover suspended
 * in a terminal, say).
 */
function mayForce(pid: number, liveness: Liveness): boolean {
  return liveness === 'unknown' || !(commandLineOf(pid) ?? ['ssot-codemod']).some((word) => word.includes('ssot-codemod'));
}

/** null when there is no lock; a lock that names no pid (damaged) is reported with pid -1, which never runs. */
function readLock(lockFile: string): HeldLock | null {
  let stat: fs.Stats | undefined;
  let content: string | null;
  try {
    stat = fs.lstatSync(lockFile, { throwIfNoEntry: false });
    content = stat?.isFile() ? readTextIfPresent(lockFile) : null;
  } catch {
    content = null;
  }
  if (!stat) return null;
  const lines = (content ?? '').split('\n');
  const field = (name: string): string | null => lines.find((line) => line.startsWith(`${name} `))?.slice(name.length + 1).trim() || null;
  return { pid: parsePid(lines[0]) ?? -1, host: field('host'), boot: field('boot'), writtenAtMs: stat.mtimeMs, content: content ?? '' };
}

/**
 * Removes a stale lock without removing a fresh one taken by another run meanwhile: the lock is renamed
 * away first (only one run can), and put back if it is not the one judged stale.
 */
function takeOver(lockFile: string, judged: string | null): void {
  const claim = `${lockFile}.stale-${process.pid}.tmp`;
  try {
    fs.renameSync(lockFile, claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const claimed = readTextIfPresent(claim);
  if (judged !== null && claimed !== judged) {
    try {
      fs.linkSync(claim, lockFile);
    } catch {
      // Another run took the lock in between; the one we moved is then stale too.
    }
  }
  fs.rmSync(claim, { force: true, recursive: true });
}

/** Hard-linking a complete file is atomic: nobody ever sees a lock without its pid. */
function tryCreate(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}.tmp`;
  fs.rmSync(draft, { force: true });
  fs.writeFileSync(draft, lockContent(), { flag: 'wx' });
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return tryCreateExclusive(lockFile);
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** For file systems without hard links. */
function tryCreateExclusive(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, lockContent(), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Drafts and claims of runs that are gone (killed between writing and removing them). */
function removeAbandonedDrafts(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const draft = /^lock\.(?:stale-)?(\d+)\.tmp$/.exec(name);
    if (!draft || Number(draft[1]) === process.pid) continue;
    const stat = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat && livenessOf(Number(draft[1]), stat.mtimeMs) === 'gone') fs.rmSync(path.join(dir, name), { force: true, recursive: true });
  }
}

function ownedLock(location: StateLocation, file: string): Lock {
  let released = false;
  const ours = (): boolean => {
    const held = readLock(file);
    return held !== null && held.pid === process.pid && held.host === os.hostname() && livenessOf(held.pid, held.writtenAtMs) === 'running';
  };
  return {
    location,
    file,
    pid: process.pid,
    assertHeld() {
      if (released || !ours()) throw new LockLostError(file);
    },
    release() {
      if (released) return;
      released = true;
      if (ours()) fs.rmSync(file, { force: true });
    },
  };
}

function parsePid(content: string): number | null {
  const pid = Number(content.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
