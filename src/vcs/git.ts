import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realParentPath, realPathOr, relativePosix } from '../shared/paths';

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly output: string,
  ) {
    super(`git ${args.join(' ')} failed${output ? `:\n${output.trim()}` : ''}`);
    this.name = 'GitError';
  }
}

/**
 * `--literal-pathspecs`: file names are names, not patterns (`app/[id]/page.tsx` is a real Next.js path).
 * `core.quotePath=false` keeps non-ASCII names readable in messages.
 */
const GIT_BASE_ARGS = ['--literal-pathspecs', '-c', 'core.quotePath=false'];

function git(cwd: string, args: string[], input?: string): string {
  try {
    return execFileSync('git', [...GIT_BASE_ARGS, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const err = error as { stdout?: string; stderr?: string; message: string };
    throw new GitError(args, [err.stderr, err.stdout].filter(Boolean).join('\n') || err.message);
  }
}

/**
 * The files git would take in `dir` (tracked, and untracked not ignored), less the tracked ones its ignore
 * rules name, as paths relative to `dir`; null outside git, or when git cannot answer. Untracked folders
 * git does not enter (a nested repository) come with a trailing `/`. One `git ls-files` walk replaces
 * matching every file against every .gitignore in JavaScript.
 *
 * The listing is a read, and runs nothing of the repository's: no hook runs on `ls-files`, and
 * `core.fsmonitor` (a command the repository's config may name, which `ls-files` would otherwise run) is
 * turned off. Nothing of a calling git's environment is taken either: run from a hook, GIT_DIR,
 * GIT_WORK_TREE, GIT_INDEX_FILE (a commit's temporary index)… would make git list another repository or
 * another index than the one `dir` is in. Paths that would lead out of `dir` are dropped.
 */
export function listFilesGitTakes(dir: string, top: string): { files: string[]; ignoredTracked: string[] } | null {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^GIT_/i.test(name)) env[name] = value;
  // Git looks no further up than `top`, where discovery found `.git`: an invalid one must not send it to a repository above.
  env.GIT_CEILING_DIRECTORIES = path.dirname(top);
  // A read takes no lock: a commit running beside it is not refused for our index refresh.
  env.GIT_OPTIONAL_LOCKS = '0';
  const resolvedDir = path.resolve(dir);
  const list = (args: string[]): string[] => execFileSync('git', [...GIT_BASE_ARGS, ...GIT_READ_ONLY_ARGS, 'ls-files', '-z', ...args], {
    cwd: resolvedDir, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'],
  }).split('\0').filter((file) => file !== '' && isInsideDir(file));
  try {
    return { files: list(['--cached', '--others', '--exclude-standard']), ignoredTracked: list(['--cached', '--ignored', '--exclude-standard']) };
  } catch {
    return null;
  }
}

/** No command of the repository's config runs: the file-system monitor hook is the one `ls-files` would start. */
const GIT_READ_ONLY_ARGS = ['-c', 'core.fsmonitor=false'];

/**
 * A path git printed, relative to `dir` and `/`-separated, that stays in it: not absolute, no `..` segment.
 * A test, not a path.join, for each of a listing's hundred thousand entries: no garbage.
 */
function isInsideDir(relative: string): boolean {
  return !path.isAbsolute(relative) && !WAY_OUT.test(relative);
}

/** A drive or a `..` segment; `\` separates only on Windows (elsewhere it is part of a name). */
const WAY_OUT = process.platform === 'win32' ? /^[A-Za-z]:|(?:^|[/\\])\.\.(?:[/\\]|$)/ : /(?:^|\/)\.\.(?:\/|$)/;

export function isGitRepository(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * git's own index lock, when one is present: a git command is running, or one was killed (a killed
 * `git commit` leaves it behind, and every later commit fails until it is removed).
 */
export function indexLockFile(root: string): string | null {
  const lock = gitPath(root, 'index.lock');
  return fs.existsSync(lock) ? lock : null;
}

/** Where git keeps `name` (`index.lock`, `HEAD.lock`, `refs/heads/main.lock`), as an absolute path. */
export function gitPath(root: string, name: string): string {
  return path.resolve(root, git(root, ['rev-parse', '--git-path', name]).trim());
}

/** `refs/heads/<branch>`, or null on a detached HEAD. */
export function headRef(root: string): string | null {
  try {
    return git(root, ['symbolic-ref', '-q', 'HEAD']).trim() || null;
  } catch {
    return null;
  }
}

/** Sets the index entries of `files` (relative to the top level) back to HEAD's, leaving the work tree alone. */
export function resetIndexEntries(root: string, files: string[]): void {
  if (files.length === 0) return;
  const topLevel = topLevelOf(root);
  git(topLevel, ['reset', '--quiet', '--pathspec-from-file=-', '--pathspec-file-nul'], files.join('\0'));
}

/** `files` (absolute, or relative to `root`) as paths relative to the work tree's top level. */
export function topLevelPaths(root: string, files: string[]): string[] {
  const topLevel = topLevelOf(root);
  return files.map((file) => relativeToTopLevel(topLevel, root, file));
}

/** The top folder of the work tree that holds `root`; null outside git. */
export function repositoryRoot(root: string): string | null {
  return isGitRepository(root) ? topLevelOf(root) : null;
}

/**
 * Those of `files` (absolute, or relative to `root`) with staged or unstaged changes, or untracked, returned
 * as given. A single `git status` of the whole work tree, so no file list can overflow the command line.
 */
export function uncommittedFiles(root: string, files: string[]): string[] {
  const topLevel = topLevelOf(root);
  const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  const dirty = new Set<string>();
  for (const entry of status.split('\0')) {
    // Each entry is `XY path`, with paths relative to the top level whatever the cwd.
    if (entry.length > 3) dirty.add(entry.slice(3));
  }
  return files.filter((file) => dirty.has(relativeToTopLevel(topLevel, root, file)));
}

/**
 * Commits exactly `files` as they are in the work tree, whatever else is staged: `git commit --only`
 * builds the commit from a temporary index and leaves the other staged changes staged. `onCommitStarted`
 * gets the pid of the `git commit` process, for a record that lets a later run clean up after it.
 */
export async function commitFiles(
  root: string, files: string[], message: string, onCommitStarted?: (gitPid: number) => void,
): Promise<string> {
  if (files.length === 0) throw new TypeError('commitFiles needs at least one file');
  const topLevel = topLevelOf(root);
  const relative = files.map((file) => relativeToTopLevel(topLevel, root, file));
  const tracked = new Set(git(topLevel, ['ls-files', '-z']).split('\0'));
  const untracked = relative.filter((file) => !tracked.has(file));
  // `--only` refuses paths git does not know; an intent-to-add entry makes them known without staging content.
  if (untracked.length > 0) git(topLevel, ['add', '--intent-to-add', '--pathspec-from-file=-', '--pathspec-file-nul'], untracked.join('\0'));
  const messageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-commit-'));
  const messageFile = path.join(messageDir, 'message');
  try {
    fs.writeFileSync(messageFile, message);
    const args = ['commit', '--only', '--quiet', '-F', messageFile, '--pathspec-from-file=-', '--pathspec-file-nul'];
    await gitWithPid(topLevel, args, relative.join('\0'), onCommitStarted);
  } catch (error) {
    if (untracked.length > 0) {
      git(topLevel, ['rm', '--cached', '--quiet', '--pathspec-from-file=-', '--pathspec-file-nul'], untracked.join('\0'));
    }
    throw error;
  } finally {
    fs.rmSync(messageDir, { recursive: true, force: true });
  }
  return git(topLevel, ['rev-parse', 'HEAD']).trim();
}

/** `git` run asynchronously, so that its pid is known while it runs. */
function gitWithPid(cwd: string, args: string[], input: string, onStarted?: (pid: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_BASE_ARGS, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) => reject(new GitError(args, error.message)));
    // A git that exits before reading its input closes the pipe; its exit code tells what went wrong.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new GitError(args, Buffer.concat(output).toString('utf8') || `exit ${code ?? signal}`));
    });
    if (child.pid !== undefined) onStarted?.(child.pid);
    child.stdin.end(input);
  });
}

/**
 * The nearest folder at or above `dir` holding `.git` (a folder, or a file in a worktree or submodule), as
 * `dir` spells it. Read off the disk rather than asked of git: discovery needs it on every command.
 */
export function findRepositoryTop(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The real path of the work tree's top folder; throws outside git. */
function topLevelOf(root: string): string {
  // From the real path, as git climbs: a link into a work tree leads to its top, not to the link's parents.
  const top = findRepositoryTop(realPathOr(root, { native: false }));
  // With no `.git` above, only git can tell (GIT_DIR, GIT_WORK_TREE), or say in its words that there is none.
  return top ?? realPathOr(git(root, ['rev-parse', '--show-toplevel']).trim(), { native: false });
}

function relativeToTopLevel(topLevel: string, root: string, file: string): string {
  return relativePosix(topLevel, realParentPath(path.resolve(root, file), { native: false }));
}
