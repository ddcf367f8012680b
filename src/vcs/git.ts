import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realParentPath, realPathOr, relativePosix } from '../shared/paths';
import { findRepositoryTop } from '../shared/repository';

export { findRepositoryTop };

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

/**
 * The variables that tie git to one repository and index (`git rev-parse --local-env-vars`: what git
 * itself clears before it works in another repository). A git hook runs with some of them set (a
 * pre-commit hook with GIT_INDEX_FILE=.git/index.lock); inherited, they would point our git at the
 * user's commit in progress. Our git finds its repository from the folder it runs in, and nothing else.
 */
const REPOSITORY_VARIABLES = new Set([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_OBJECT_DIRECTORY',
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE', 'GIT_INDEX_FILE', 'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE', 'GIT_PREFIX', 'GIT_INTERNAL_SUPER_PREFIX', 'GIT_SHALLOW_FILE', 'GIT_COMMON_DIR',
]);

/** The environment every git we start runs with: ours, without a hook's repository variables, plus `extra`. */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!REPOSITORY_VARIABLES.has(key) && !/^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

function git(cwd: string, args: string[], input?: string, env?: Record<string, string>): string {
  try {
    return execFileSync('git', [...GIT_BASE_ARGS, ...args], {
      cwd,
      input,
      env: gitEnvironment(env),
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

/**
 * Sets the index entries of `files` (absolute, or relative to `root`) to HEAD's, leaving the work tree
 * alone.
 */
export function resetIndexEntries(root: string, files: string[]): void {
  if (files.length === 0) return;
  const relative = topLevelPaths(root, files);
  git(topLevelOf(root), ['reset', '--quiet', '--pathspec-from-file=-', '--pathspec-file-nul'], relative.join('\0'));
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
 * as given. A single `git status` of the whole work tree, so no file list can overflow the command line; it
 * takes no optional lock, so it never races a git command of the user's.
 */
export function uncommittedFiles(root: string, files: string[]): string[] {
  const topLevel = topLevelOf(root);
  const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], undefined, { GIT_OPTIONAL_LOCKS: '0' });
  const dirty = new Set<string>();
  for (const entry of status.split('\0')) {
    // Each entry is `XY path`, with paths relative to the top level whatever the cwd.
    if (entry.length > 3) dirty.add(entry.slice(3));
  }
  return files.filter((file) => dirty.has(relativeToTopLevel(topLevel, root, file)));
}

/**
 * Those of `files` (absolute, or relative to `root`) whose work-tree content differs from their entry in the
 * index `indexFile` (or that it has no entry for), returned as given.
 */
export function differFromIndex(root: string, indexFile: string, files: string[]): string[] {
  const topLevel = topLevelOf(root);
  const relative = files.map((file) => relativeToTopLevel(topLevel, root, file));
  // `<mode> <object> <stage>\t<path>` per entry; reading the index touches no file of the work tree.
  const staged = new Map<string, string>();
  for (const entry of git(topLevel, ['ls-files', '--stage', '-z'], undefined, { GIT_INDEX_FILE: indexFile }).split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab !== -1) staged.set(entry.slice(tab + 1), entry.split(' ')[1]);
  }
  // The objects the files would be, the repository's filters (line endings) applied; a name holding a
  // newline cannot be given one a line, and counts as differing.
  const plain = relative.filter((file) => !file.includes('\n'));
  const objects = plain.length === 0 ? [] : git(topLevel, ['hash-object', '--stdin-paths'], plain.join('\n') + '\n').trim().split('\n');
  const now = new Map(plain.map((file, i) => [file, objects[i]]));
  return files.filter((_, i) => staged.get(relative[i]) === undefined || staged.get(relative[i]) !== now.get(relative[i]));
}

/** HEAD's commit, or null before the first commit. */
export function headCommit(root: string): string | null {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Whether a commit whose parent is `parent` (null: a first commit) and whose subject is `subject` is on
 * HEAD's first-parent line: how a run tells, after a kill, whether the commit it started landed.
 */
export function commitLanded(root: string, parent: string | null, subject: string): boolean {
  const head = headCommit(root);
  if (!head) return false;
  const range = parent ? [`${parent}..HEAD`] : ['--max-parents=0', 'HEAD'];
  const log = git(root, ['log', '--first-parent', '--format=%P%x1f%s%x1e', ...range]);
  return log.split('\x1e').some((record) => {
    const [parents, logged] = record.replace(/^\n/, '').split('\x1f');
    return logged !== undefined && parents.split(' ')[0] === (parent ?? '') && logged === subject;
  });
}

export interface CommitOptions {
  /** A folder for the commit's private index and message (default: a new temporary folder). */
  scratchDir?: string;
  /** Gets the pid of the `git commit` process, for a record that lets a later run clean up after it. */
  onCommitStarted?: (gitPid: number) => void;
  /**
   * Called once the files are staged in the commit's own index (its path given), before `git commit`
   * starts; throwing stops the commit. What is staged then is what is committed (hooks aside).
   */
  onStaged?: (indexFile: string) => void;
}

/**
 * Commits exactly `files` as they are in the work tree, whatever else is staged. The commit is built in
 * an index of its own (HEAD's tree plus the files), so the user's index is never locked while the hooks
 * run, and a kill leaves nothing in it; hooks see that index (GIT_INDEX_FILE) and what they stage there
 * (a formatter's `git add`) is what is committed. Afterwards the user's index gets the files' entries as
 * HEAD now has them, so it agrees with the commit; the user's other staged changes stay staged.
 */
export async function commitFiles(root: string, files: string[], message: string, options: CommitOptions = {}): Promise<string> {
  if (files.length === 0) throw new TypeError('commitFiles needs at least one file');
  const topLevel = topLevelOf(root);
  const relative = files.map((file) => relativeToTopLevel(topLevel, root, file));
  const scratch = options.scratchDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-commit-'));
  const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
  const messageFile = path.join(scratch, 'message');
  try {
    if (headCommit(topLevel)) git(topLevel, ['read-tree', 'HEAD'], undefined, env);
    git(topLevel, ['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'], relative.join('\0'), env);
    options.onStaged?.(env.GIT_INDEX_FILE);
    fs.writeFileSync(messageFile, message);
    // Without our base options: `git commit` passes them on to the hooks (GIT_LITERAL_PATHSPECS would
    // turn a hook's `git diff -- '*.ts'` into a search for a file named `*.ts`).
    await gitWithPid(topLevel, ['commit', '--quiet', '-F', messageFile], env, options.onCommitStarted);
  } finally {
    if (!options.scratchDir) fs.rmSync(scratch, { recursive: true, force: true });
  }
  resetIndexEntries(root, files);
  return git(topLevel, ['rev-parse', 'HEAD']).trim();
}

/** `git` run asynchronously, so that its pid is known while it runs; `args` as given, for a command that runs hooks. */
function gitWithPid(cwd: string, args: string[], env: Record<string, string>, onStarted?: (pid: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    // If what is told of the start fails (a record that cannot be written), git is stopped, and the promise
    // settles only once it has ended: a git left running would commit behind our back.
    let notStarted: unknown;
    child.on('error', (error) => reject(new GitError(args, error.message)));
    child.on('close', (code, signal) => {
      if (notStarted !== undefined) reject(notStarted);
      else if (code === 0) resolve();
      else reject(new GitError(args, Buffer.concat(output).toString('utf8') || `exit ${code ?? signal}`));
    });
    if (child.pid === undefined) return;
    try {
      onStarted?.(child.pid);
    } catch (error) {
      notStarted = error;
      child.kill('SIGTERM');
    }
  });
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
