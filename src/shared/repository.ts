/**
 * Where a git repository is, read off the disk (no git process): its top folder and its git directory.
 * Discovery needs the top on every command, and the state a run keeps lives in the git directory, where
 * a clone never carries anything from the repository it was cloned from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realPathOr } from './paths';

/**
 * The nearest folder at or above `dir` holding `.git` (a folder, or a file in a worktree or submodule), as
 * `dir` spells it.
 */
export function findRepositoryTop(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The git directory of the work tree whose top is `top`: `.git` itself, or the folder a `.git` file names
 * (`gitdir: …`, a linked worktree's own folder or a submodule's); null when it names nothing usable.
 */
export function gitDirOf(top: string): string | null {
  const dotGit = path.join(top, '.git');
  const stat = fs.lstatSync(dotGit, { throwIfNoEntry: false });
  if (!stat) return null;
  if (stat.isDirectory()) return dotGit;
  if (!stat.isFile()) return null;
  const match = /^gitdir: (.+?)\r?\n?$/.exec(fs.readFileSync(dotGit, 'utf8'));
  if (!match) return null;
  const dir = path.resolve(top, match[1]);
  return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : null;
}

/**
 * The tree a run may read and run things from, for a registry in `root`: its repository's top folder, by
 * real path; outside git, the registry's folder. What the project ships or installs above it (a tsconfig,
 * a prettier in a parent's node_modules) is not the project's.
 */
export function projectTree(root: string): string {
  const real = realPathOr(root);
  return findRepositoryTop(real) ?? real;
}
