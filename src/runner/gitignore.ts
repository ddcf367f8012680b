/**
 * .gitignore rules as git applies them: every .gitignore from the repository's top folder down to a
 * file's folder (and the repository's .git/info/exclude), a deeper file overriding a shallower one, and
 * nothing inside an ignored folder coming back.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { folderPrefix, isInside, relativePosix, toPosix } from '../shared/paths';
import { isDirectory, readTextIfReadable } from '../shared/fs';
import { findRepositoryTop, listFilesGitTakes } from '../vcs/git';

/** What a run asks of git's ignore rules. */
export interface IgnoreRules {
  /** Whether `file` (absolute) is ignored by git's rules. Files outside the repository are not. */
  ignores(file: string): boolean;
}

/**
 * In a git repository, git itself says what it ignores (`git ls-files`: tracked and untracked files that
 * its rules keep, less tracked files that its rules name): one walk by git instead of matching every file
 * against every .gitignore here (0.8 s of the main thread on a 3.5k-file tree, issue 15). Elsewhere, or
 * where git cannot tell (a repository with submodules, a nested repository, which one walk does not
 * enter, or a git that fails), the .gitignore files are read here with the `ignore` library.
 *
 * Git's list only filters what discovery's own walk found, which never follows a link out of the tree:
 * it adds no file.
 */
export function ignoreRulesFor(root: string, options: { git?: boolean } = {}): IgnoreRules {
  const resolvedRoot = path.resolve(root);
  const top = options.git === false ? undefined : findRepositoryTop(resolvedRoot);
  // Submodules are listed as one entry: their files are matched here, as before.
  const listed = top && !fs.existsSync(path.join(top, '.gitmodules')) ? listFilesGitTakes(resolvedRoot, top) : null;
  if (!listed) return new GitignoreRules(resolvedRoot);
  // Kept as git printed them, relative and `/`-separated (100,000 paths: no copy of each made absolute).
  const taken = new Set<string>();
  const opaque: string[] = [];
  for (const file of listed.files) {
    if (file.endsWith('/')) opaque.push(file);
    else taken.add(file);
  }
  for (const file of listed.ignoredTracked) taken.delete(file);
  const prefix = folderPrefix(resolvedRoot);
  let fallback: GitignoreRules | undefined;
  return {
    ignores(file: string): boolean {
      const absolute = path.resolve(file);
      // Outside the folder git listed (or the folder itself): not git's to say, as for the reader.
      if (!absolute.startsWith(prefix)) return false;
      const relative = toPosix(absolute.slice(prefix.length));
      if (taken.has(relative)) return false;
      if (!opaque.some((dir) => relative.startsWith(dir))) return true;
      return (fallback ??= new GitignoreRules(resolvedRoot)).ignores(absolute);
    },
  };
}

export class GitignoreRules implements IgnoreRules {
  /** Where rules start applying: the repository's top folder, or the registry's folder outside git. */
  private readonly top: string;
  /** `top` and a separator: what every path inside it starts with. */
  private readonly topPrefix: string;
  private readonly gitDir?: string;
  private readonly rulesByDir = new Map<string, Ignore | null>();
  private readonly ignoredDirs = new Map<string, boolean>();
  private readonly chains = new Map<string, readonly { dir: string; rules: Ignore }[]>();

  constructor(root: string) {
    const resolvedRoot = path.resolve(root);
    const top = findRepositoryTop(resolvedRoot);
    this.top = top ?? resolvedRoot;
    this.topPrefix = folderPrefix(this.top);
    if (top && isDirectory(path.join(top, '.git'))) this.gitDir = path.join(top, '.git');
  }

  /** Whether `file` (absolute) is ignored by git's rules. Files outside the repository are not. */
  ignores(file: string): boolean {
    const absolute = path.resolve(file);
    if (!absolute.startsWith(this.topPrefix) || absolute === this.top) return false;
    return this.isIgnoredDir(path.dirname(absolute)) || this.matches(absolute, false);
  }

  /** A folder is ignored when it or a folder above it is: git never looks inside an ignored folder. */
  private isIgnoredDir(dir: string): boolean {
    let ignored = this.ignoredDirs.get(dir);
    if (ignored === undefined) {
      ignored = dir !== this.top && isInside(this.top, dir) && (this.isIgnoredDir(path.dirname(dir)) || this.matches(dir, true));
      this.ignoredDirs.set(dir, ignored);
    }
    return ignored;
  }

  /** The last rule that matches, shallow files first, decides (a `!pattern` re-includes). */
  private matches(target: string, isDir: boolean): boolean {
    let ignored = false;
    for (const { dir, rules } of this.rulesAbove(path.dirname(target))) {
      const result = rules.test(relativePosix(dir, target) + (isDir ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * The folders from the top down to `dir` that hold rules, shallowest first; asked once per folder, not
   * once per file (100,000 files: 0.86 s and 39 MB of paths made and dropped when it was per file).
   */
  private rulesAbove(dir: string): readonly { dir: string; rules: Ignore }[] {
    let chain = this.chains.get(dir);
    if (chain === undefined) {
      const above = dir === this.top || !isInside(this.top, dir) ? [] : this.rulesAbove(path.dirname(dir));
      const rules = isInside(this.top, dir) ? this.rulesIn(dir) : null;
      chain = rules ? [...above, { dir, rules }] : above;
      this.chains.set(dir, chain);
    }
    return chain;
  }

  private rulesIn(dir: string): Ignore | null {
    let rules = this.rulesByDir.get(dir);
    if (rules === undefined) {
      // info/exclude first: the top folder's .gitignore overrides it, as in git.
      const sources = [dir === this.top && this.gitDir ? path.join(this.gitDir, 'info', 'exclude') : '', path.join(dir, '.gitignore')];
      const texts = sources.filter(Boolean).map(readTextIfReadable).filter((text): text is string => text !== null);
      // Only comments and blank lines (as in the info/exclude every `git init` writes): no rules, and no
      // `ignore` instance that would test, and cache, every path of the tree against nothing.
      rules = texts.some(holdsARule) ? ignore().add(texts.join('\n')) : null;
      this.rulesByDir.set(dir, rules);
    }
    return rules;
  }
}

/** Whether a .gitignore-format text holds a pattern: a line that is neither blank nor a `#` comment. */
function holdsARule(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('#'));
}
