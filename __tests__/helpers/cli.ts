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

/** The environment the CLI runs in for a test: CI's (no progress), with no colour setting leaking in from the runner's. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...extra };
  for (const name of ['FORCE_COLOR', 'NO_COLOR']) if (!(name in extra)) delete env[name];
  return env;
}

/** Runs the built CLI in `cwd` as CI would (no colour, no progress). */
export function cli(cwd: string, ...args: string[]): CliRun {
  return cliWith(cwd, {}, ...args);
}

/** The same, with these environment variables set (FORCE_COLOR, NO_COLOR…). */
export function cliWith(cwd: string, env: Record<string, string>, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: cliEnv(env) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under root (but .git), with its bytes; a symbolic link, not followed, as `-> target`. */
export function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink()) files.set(path.relative(root, full), Buffer.from(`-> ${fs.readlinkSync(full)}`));
      else files.set(path.relative(root, full), fs.readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/** Every file under root but .git, and git's own view of the work tree: what a run must leave as it was. */
export function treeState(root: string): { files: Map<string, string>; status: string } {
  // As text, so that a difference shows as one in the test's output.
  const files = new Map([...filesUnder(root)].map(([file, bytes]) => [file, bytes.toString('latin1')]));
  const status = fs.existsSync(path.join(root, '.git')) ? git(root, 'status', '--porcelain', '--untracked-files=all') : '';
  return { files, status };
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
