/**
 * What every command does first: find and load the registry, then deal with what an interrupted run left.
 * A command that may write (`apply`, `recover`) takes the lock of the tree first and holds it to its end,
 * then restores a batch that a killed run left half-written and settles a batch commit that did not land
 * (saying so), before reading a single source file. A command that only reads (`check`, `apply --dry-run`)
 * changes nothing, neither the tree nor git's state: it only reports what is waiting to be recovered.
 */
import * as path from 'node:path';
import { findRegistryFile, loadRegistry, RegistryError } from '../registry/load';
import type { Registry } from '../registry/types';
import { acquireLock, inspectJournal, recoverJournal, type JournalState, type Lock, type RecoveryResult } from '../batches/journal';
import { dropPendingOf, inspectCommitRecord, settleInterruptedCommit, type ClearedCommit, type PendingCommit } from '../vcs/batch-commit';
import { UserError } from '../shared/errors';

import { UsageError } from './usage-error';

export { UsageError };

/** What a read-only command found waiting to be recovered, and left as it was. */
export interface InterruptedState {
  /** The journal of a batch a killed run left half-written, or why it cannot be used. */
  journal: JournalState | null;
  /** A batch commit that was interrupted or failed; `running` while its run or git still runs. */
  commit: (PendingCommit & { running: boolean }) | { damaged: string } | null;
  /** Why the state folder was not read (a link, another user's). */
  untrusted?: string;
}

export interface Session {
  registry: Registry;
  /** The batch restored from an interrupted run's journal, if there was one (writing sessions). */
  recovered: RecoveryResult | null;
  /** git locks and index entries cleared after a run killed inside a batch commit, if there was one. */
  clearedCommit: ClearedCommit | null;
  /** A batch written but not committed (its commit failed, or was killed): `apply --commit` commits it first. */
  pendingCommit: PendingCommit | null;
  /** Reading sessions: what waits for `recover`, untouched. */
  interrupted: InterruptedState | null;
  /** Writing sessions hold the lock until `close()`. */
  lock: Lock | null;
  close(): void;
}

export interface SessionOptions {
  /** Take the lock and recover (apply, recover); otherwise only look (check, dry runs). */
  write?: boolean;
  /** `recover --force`: restore over edits, take over a lock whose holder cannot be told apart, set aside a damaged journal. */
  force?: boolean;
  /** `recover`: restores what a run left, whatever the registry names now (check and apply need it to name something). */
  recovering?: boolean;
}

export function registryPath(config: string | undefined, cwd: string): string {
  if (config) return path.resolve(cwd, config);
  const found = findRegistryFile(cwd);
  if (!found) throw new RegistryError(path.join(cwd, 'ssot.config.json'), '$', 'no ssot.config.json here or in any parent folder (run ssot-codemod init to write a starter one, or pass --config FILE)');
  return found;
}

export function openSession(config: string | undefined, cwd: string, options: SessionOptions = {}): Session {
  const registry = loadRegistry({ configPath: registryPath(config, cwd) });
  // A starter registry whose proposals are all still commented out measures nothing: say so before any lock is taken.
  if (!options.recovering && registry.symbols.length === 0 && registry.modules.length === 0) {
    throw new RegistryError(registry.file, '$', 'names no symbol and no module (expected an entry in "symbols" or "modules": uncomment a proposal ssot-codemod init wrote, or add one)');
  }
  const session: Session = {
    registry, recovered: null, clearedCommit: null, pendingCommit: null, interrupted: null, lock: null, close: () => undefined,
  };
  if (!options.write) {
    session.interrupted = inspect(registry.root);
    return session;
  }
  const lock = acquireLock(registry.root, { force: options.force });
  try {
    session.recovered = recoverJournal(lock, { force: options.force });
    // The batch restored was undone: it is no longer to be committed.
    if (session.recovered) dropPendingOf(lock, session.recovered.label);
    const settled = settleInterruptedCommit(lock, { force: options.force });
    session.clearedCommit = settled?.cleared ?? null;
    session.pendingCommit = settled?.pending ?? null;
    const inFlight = settled ? null : inspectCommitRecord(registry.root);
    if (inFlight && 'running' in inFlight && inFlight.running) {
      // A killed run's `git commit` goes on by itself (its hooks can take a while): it must end first.
      throw new UsageError(`"${inFlight.subject}" is still being committed by the git of a run that is gone; wait for that git to end, then run again`);
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  return { ...session, lock, close: () => lock.release() };
}

/** What is waiting to be recovered, read without changing anything; null when nothing is. */
function inspect(root: string): InterruptedState | null {
  try {
    const state: InterruptedState = { journal: inspectJournal(root), commit: inspectCommitRecord(root) };
    return state.journal || state.commit ? state : null;
  } catch (error) {
    if (error instanceof UserError) return { journal: null, commit: null, untrusted: error.message };
    throw error;
  }
}

/** Paths in reports and patches: relative to the registry's folder, forward slashes. */
export { relativePosix as relativeTo } from '../shared/paths';
