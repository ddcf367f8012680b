import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder under the system's temporary directory, removed by `removeTempDirs()`. */
const created: string[] = [];

export function makeTempDir(prefix = 'ssot-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) {
    // A test may leave read-only files behind; make them removable first.
    try {
      execFileSync('chmod', ['-R', 'u+w', dir]);
    } catch {
      // best effort
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A git repository with its own identity, and nothing from the user's config that changes bytes or prompts. */
export function makeTempRepo(): string {
  const dir = makeTempDir('ssot-repo-');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'SSOT Test');
  git(dir, 'config', 'user.email', 'ssot-test@example.com');
  git(dir, 'config', 'core.autocrlf', 'false');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.hooksPath', '/dev/null');
  return dir;
}

/** A git repository holding `files`, committed. */
export function committedRepo(files: Record<string, string>): string {
  const repo = makeTempRepo();
  writeFiles(repo, files);
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'initial');
  return repo;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A fresh folder (its real path, so expectations need no link unwrapping) holding these files. */
export function tempTree(files: Record<string, string | Buffer>, prefix = 'ssot-test-'): string {
  const dir = makeTempDir(prefix);
  writeFiles(dir, files);
  return dir;
}
