/**
 * The repository's top folder is found by walking up to `.git` (no git process); git.ts relies on it for
 * the paths it hands to git, so it must agree with git's own answer wherever git has one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepositoryTop, repositoryRoot, topLevelPaths } from '../../src/vcs/git';
import { GitignoreRules } from '../../src/runner/gitignore';
import { committedRepo, git, makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const gitsTop = (dir: string): string => fs.realpathSync(git(dir, 'rev-parse', '--show-toplevel').trim());

describe('findRepositoryTop', () => {
  it('finds the folder holding .git, from it or from below it', () => {
    const repo = committedRepo({ 'pkg/src/a.ts': '1\n' });
    expect(findRepositoryTop(repo)).toBe(repo);
    expect(findRepositoryTop(path.join(repo, 'pkg', 'src'))).toBe(repo);
  });

  it('takes a .git file (a linked worktree, a submodule) for a top too', () => {
    const repo = committedRepo({ 'src/a.ts': '1\n' });
    const worktree = path.join(makeTempDir(), 'wt');
    git(repo, 'worktree', 'add', '--quiet', worktree);
    expect(fs.statSync(path.join(worktree, '.git')).isFile()).toBe(true);
    expect(findRepositoryTop(path.join(worktree, 'src'))).toBe(worktree);
  });

  it('finds nothing outside git', () => {
    expect(findRepositoryTop(makeTempDir())).toBeUndefined();
  });
});

describe('git.ts and the .gitignore rules agree with git on the top folder', () => {
  it('in a repository, a folder below its top, and a linked worktree', () => {
    const repo = committedRepo({ 'pkg/src/a.ts': '1\n' });
    const worktree = path.join(makeTempDir(), 'wt');
    git(repo, 'worktree', 'add', '--quiet', worktree);
    for (const dir of [repo, path.join(repo, 'pkg'), path.join(worktree, 'pkg')]) {
      expect(repositoryRoot(dir)).toBe(gitsTop(dir));
    }
  });

  it('through a link from outside into the repository', () => {
    const repo = committedRepo({ 'pkg/src/a.ts': '1\n' });
    const link = path.join(makeTempDir(), 'linked-pkg');
    fs.symlinkSync(path.join(repo, 'pkg'), link);
    expect(repositoryRoot(link)).toBe(gitsTop(link));
    expect(topLevelPaths(link, ['src/a.ts', path.join(link, 'src', 'b.ts')])).toEqual(['pkg/src/a.ts', 'pkg/src/b.ts']);
  });

  it('outside git: no top for git.ts, and the .gitignore rules start at the folder itself', () => {
    const dir = makeTempDir();
    writeFiles(dir, { '.gitignore': 'ignored.ts\n', 'sub/.gitignore': 'deeper.ts\n' });
    expect(repositoryRoot(dir)).toBeNull();
    const rules = new GitignoreRules(path.join(dir, 'sub'));
    expect(rules.ignores(path.join(dir, 'sub', 'deeper.ts'))).toBe(true);
    expect(rules.ignores(path.join(dir, 'sub', 'ignored.ts'))).toBe(false);
  });

  it('lets a .gitignore above the registry folder, up to the repository top, apply', () => {
    const repo = committedRepo({ '.gitignore': 'generated/\n', 'pkg/src/a.ts': '1\n' });
    const rules = new GitignoreRules(path.join(repo, 'pkg'));
    expect(rules.ignores(path.join(repo, 'pkg', 'generated', 'x.ts'))).toBe(true);
    expect(rules.ignores(path.join(repo, 'pkg', 'src', 'a.ts'))).toBe(false);
  });
});
