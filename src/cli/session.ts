/**
 * What every command does first: find and load the registry, then restore a batch that a killed run
 * left half-written and clear what a commit killed midway left in git (saying so), before reading a
 * single source file.
 */
import * as path from 'node:path';
import { findRegistryFile, loadRegistry, RegistryError } from '../registry/load';
import type { Registry } from '../registry/types';
import { recoverJournal, type RecoveryResult } from '../batches/journal';
import { clearInterruptedCommit, type ClearedCommit } from '../vcs/batch-commit';

export { UsageError } from './usage-error';

export interface Session {
  registry: Registry;
  /** The batch restored from an interrupted run's journal, if there was one. */
  recovered: RecoveryResult | null;
  /** git locks and index entries cleared after a run killed inside a batch commit, if there was one. */
  clearedCommit: ClearedCommit | null;
}

export function registryPath(config: string | undefined, cwd: string): string {
  if (config) return path.resolve(cwd, config);
  const found = findRegistryFile(cwd);
  if (!found) throw new RegistryError(path.join(cwd, 'ssot.config.json'), '$', 'no ssot.config.json here or in any parent folder (run ssot-codemod init to write a starter one, or pass --config FILE)');
  return found;
}

export function openSession(config: string | undefined, cwd: string, options: { force?: boolean } = {}): Session {
  const registry = loadRegistry({ configPath: registryPath(config, cwd) });
  const recovered = recoverJournal(registry.root, { force: options.force });
  const clearedCommit = clearInterruptedCommit(registry.root);
  return { registry, recovered, clearedCommit };
}

/** Paths in reports and patches: relative to the registry's folder, forward slashes. */
export { relativePosix as relativeTo } from '../shared/paths';
