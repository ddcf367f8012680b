import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempRepo } from './temp-repo';
import { stateLocation } from '../../src/batches/state-dir';

export const REPO = path.join(__dirname, '..', '..');
/** The built CLI: `npm test` builds it first (pretest). */
export const BIN = path.join(REPO, 'dist', 'bin', 'ssot-codemod.js');
export const EXAMPLE = path.join(REPO, 'examples', 'netra-engine');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` as CI would (no colour, no progress). */
export function cli(cwd: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A committed git repository holding a copy of the example codebase. */
export function exampleRepo(): string {
  const root = makeTempRepo();
  fs.cpSync(EXAMPLE, root, { recursive: true });
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'example');
  return root;
}

/** Where a run keeps its journal, lock and commit record for `root`: in the git directory, or `.ssot-codemod/` outside git. */
export function stateDirOf(root: string): string {
  return stateLocation(root).dir;
}
