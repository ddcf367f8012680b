import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitFiles, GitError, isGitRepository, uncommittedFiles } from '../../src/vcs/git';
import { runVerify } from '../../src/vcs/verify';
import { committedRepo, git, makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

describe('isGitRepository', () => {
  it('tells a work tree (or a folder inside one) from a plain folder', () => {
    const repo = committedRepo({ 'src/a.ts': 'a\n' });
    expect(isGitRepository(repo)).toBe(true);
    expect(isGitRepository(path.join(repo, 'src'))).toBe(true);
    expect(isGitRepository(makeTempDir())).toBe(false);
  });
});

describe('uncommittedFiles', () => {
  it('finds staged, unstaged and untracked files among those asked about, as given', () => {
    const repo = committedRepo({ 'src/clean.ts': '1\n', 'src/staged.ts': '1\n', 'src/unstaged.ts': '1\n', 'other.ts': '1\n' });
    writeFiles(repo, { 'src/staged.ts': '2\n', 'src/unstaged.ts': '2\n', 'src/new.ts': 'new\n', 'other.ts': '2\n' });
    git(repo, 'add', 'src/staged.ts');
    const asked = ['src/clean.ts', 'src/staged.ts', path.join(repo, 'src/unstaged.ts'), 'src/new.ts'];
    expect(uncommittedFiles(repo, asked)).toEqual(['src/staged.ts', path.join(repo, 'src/unstaged.ts'), 'src/new.ts']);
  });

  it('resolves paths against a root below the top level', () => {
    const repo = committedRepo({ 'pkg/src/a.ts': '1\n', 'pkg/src/b.ts': '1\n' });
    writeFiles(repo, { 'pkg/src/b.ts': '2\n' });
    expect(uncommittedFiles(path.join(repo, 'pkg'), ['src/a.ts', 'src/b.ts'])).toEqual(['src/b.ts']);
  });

  it('reads names with spaces, non-ASCII letters and glob characters literally', () => {
    const repo = committedRepo({ 'app/[id]/page.tsx': '1\n', 'app/i/page.tsx': '1\n', 'src/dir é/ü.ts': '1\n' });
    writeFiles(repo, { 'app/[id]/page.tsx': '2\n', 'src/dir é/ü.ts': '2\n' });
    expect(uncommittedFiles(repo, ['app/[id]/page.tsx', 'app/i/page.tsx', 'src/dir é/ü.ts'])).toEqual([
      'app/[id]/page.tsx',
      'src/dir é/ü.ts',
    ]);
  });
});

describe('commitFiles', () => {
  it('commits exactly the given files and leaves other staged work staged', async () => {
    const repo = committedRepo({ 'src/a.ts': '1\n', 'src/b.ts': '1\n', 'app/[id]/page.tsx': '1\n', 'app/i/page.tsx': '1\n' });
    writeFiles(repo, {
      'src/a.ts': 'migrated\n',
      'src/new.ts': 'created\n',
      'app/[id]/page.tsx': 'migrated\n',
      'app/i/page.tsx': 'someone else\n',
      'src/b.ts': 'staged by the user\n',
    });
    git(repo, 'add', 'src/b.ts');

    const sha = await commitFiles(repo, ['src/a.ts', path.join(repo, 'src/new.ts'), 'app/[id]/page.tsx'], 'ssot-codemod: batch 1 of 2\n\nbody');

    expect(git(repo, 'rev-parse', 'HEAD').trim()).toBe(sha);
    expect(git(repo, 'log', '-1', '--format=%B').trim()).toBe('ssot-codemod: batch 1 of 2\n\nbody');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'app/[id]/page.tsx',
      'src/a.ts',
      'src/new.ts',
    ]);
    expect(git(repo, 'show', 'HEAD:src/new.ts')).toBe('created\n');
    expect(git(repo, 'diff', '--cached', '--name-only').trim()).toBe('src/b.ts');
    expect(git(repo, 'show', ':src/b.ts')).toBe('staged by the user\n');
    expect(git(repo, 'diff', '--name-only').trim()).toBe('app/i/page.tsx');
  });

  it('works for the first commit of a repository', async () => {
    const repo = makeTempRepo();
    writeFiles(repo, { 'a.ts': 'a\n', 'b.ts': 'b\n' });
    const sha = await commitFiles(repo, ['a.ts'], 'first');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(git(repo, 'ls-tree', '--name-only', 'HEAD').trim()).toBe('a.ts');
  });

  it('throws a GitError with git’s explanation when there is nothing to commit', async () => {
    const repo = committedRepo({ 'a.ts': 'a\n' });
    await expect(commitFiles(repo, ['a.ts'], 'nothing')).rejects.toThrow(GitError);
    await expect(commitFiles(repo, ['a.ts'], 'nothing')).rejects.toThrow(/git commit .*failed/);
  });

  it('leaves a new file untracked again when the commit is refused', async () => {
    const repo = committedRepo({ 'a.ts': 'a\n' });
    writeFiles(repo, { 'new.ts': 'n\n', '.git/hooks/pre-commit': '#!/bin/sh\necho refused by hook >&2\nexit 1\n' });
    fs.chmodSync(path.join(repo, '.git/hooks/pre-commit'), 0o755);
    git(repo, 'config', '--unset', 'core.hooksPath');
    await expect(commitFiles(repo, ['new.ts'], 'blocked')).rejects.toThrow(/refused by hook/);
    expect(git(repo, 'status', '--porcelain')).toBe('?? new.ts\n');
    expect(git(repo, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });
});

describe('runVerify', () => {
  it('runs a shell command in the folder and captures both streams in order', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'marker'), 'here');
    const result = await runVerify('echo out; echo err >&2; cat marker; echo; exit 0', dir);
    expect(result).toEqual({ ok: true, code: 0, output: 'out\nerr\nhere\n' });
  });

  it('reports failure with the exit code, and a signal as 128 + its number', async () => {
    const dir = makeTempDir();
    expect(await runVerify('echo failing tests; exit 3', dir)).toEqual({ ok: false, code: 3, output: 'failing tests\n' });
    expect(await runVerify('kill -TERM $$', dir)).toMatchObject({ ok: false, code: 128 + 15 });
    expect(await runVerify('definitely-not-a-command-xyz', dir)).toMatchObject({ ok: false, code: 127 });
  });

  it('passes an abort on to the command as the signal it names, and says how the command ended', async () => {
    const dir = makeTempDir();
    const controller = new AbortController();
    const running = runVerify('echo started; sleep 30', dir, controller.signal);
    setTimeout(() => controller.abort('SIGTERM'), 300);
    const started = Date.now();
    expect(await running).toMatchObject({ ok: false, code: 128 + 15, output: 'started\n' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
