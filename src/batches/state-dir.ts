/**
 * Where a run keeps its state (the journal of a batch in flight, the lock, the record of a batch commit),
 * and whether that place can be trusted. Nothing a repository ships may ever be read as our state, so in a
 * git repository the state lives in the git directory (`.git/ssot-codemod/`, or the worktree's own git
 * folder), which a clone never carries; it then covers the whole work tree, so that nested registries
 * share one lock and one journal. Outside git it is `.ssot-codemod/` in the registry's folder. Either way
 * the folder must be a real folder (not a link) owned by the user running us, or it is refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepositoryTop, gitDirOf } from '../shared/repository';
import { realPathOr } from '../shared/paths';
import { readTextIfReadable, replaceFileAtomically } from '../shared/fs';
import { UserError } from '../shared/errors';

/** The state folder's name in a registry's folder outside git. */
export const STATE_DIR_NAME = '.ssot-codemod';
/** Its name in a git directory. */
const GIT_STATE_DIR_NAME = 'ssot-codemod';

export interface StateLocation {
  /** The tree the state covers (a real path): the repository's work tree, or the registry's folder outside git. */
  tree: string;
  /** The state folder (it may not exist yet). */
  dir: string;
  /** Whether it is inside the git directory (else it is in the tree, and git-ignored by its own .gitignore). */
  inGitDir: boolean;
}

export class UntrustedStateError extends UserError {
  constructor(readonly dir: string, reason: string) {
    super(`${dir} ${reason}; ssot-codemod keeps its journal and lock there and will not use it. Remove it if it is not yours, then run again`);
    this.name = 'UntrustedStateError';
  }
}

export function stateLocation(root: string): StateLocation {
  const realRoot = realPathOr(root, { native: false });
  const top = findRepositoryTop(realRoot);
  const gitDir = top ? gitDirOf(top) : null;
  if (top && gitDir) return { tree: top, dir: path.join(realPathOr(gitDir, { native: false }), GIT_STATE_DIR_NAME), inGitDir: true };
  return { tree: realRoot, dir: path.join(realRoot, STATE_DIR_NAME), inGitDir: false };
}

/** The state folder when it exists and may be trusted; null when there is none. */
export function existingStateDir(location: StateLocation): string | null {
  const stat = fs.lstatSync(location.dir, { throwIfNoEntry: false });
  if (!stat) return null;
  if (stat.isSymbolicLink()) throw new UntrustedStateError(location.dir, 'is a link');
  if (!stat.isDirectory()) throw new UntrustedStateError(location.dir, 'is not a folder');
  const euid = process.geteuid?.();
  if (euid !== undefined && stat.uid !== euid && !(euid === 0 && stat.uid === fs.statSync(location.tree).uid)) {
    throw new UntrustedStateError(location.dir, `belongs to another user (uid ${stat.uid})`);
  }
  return location.dir;
}

/** The state folder, made if needed: private to its owner, and git-ignored when it sits in the tree. */
export function ensureStateDir(location: StateLocation): string {
  let dir = existingStateDir(location);
  if (!dir) {
    try {
      fs.mkdirSync(location.dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    dir = existingStateDir(location)!;
    handToTreeOwner(location);
  }
  if (!location.inGitDir) {
    const gitignore = path.join(dir, '.gitignore');
    // Checked by content, not existence: a write cut short (a full disk) must not leave it empty for good.
    if (readTextIfReadable(gitignore) !== GITIGNORE) replaceFileAtomically(gitignore, GITIGNORE, { mode: 0o644 });
  }
  return dir;
}

const GITIGNORE = '*\n';

/** Made by root in a user's tree, the folder goes to the tree's owner, who can then clear it. */
function handToTreeOwner(location: StateLocation): void {
  if (process.geteuid?.() !== 0) return;
  const owner = fs.statSync(location.tree);
  if (owner.uid !== 0) fs.chownSync(location.dir, owner.uid, owner.gid);
}
