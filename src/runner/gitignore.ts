/**
 * .gitignore rules as git applies them: every .gitignore from the repository's top folder down to a
 * file's folder (and the repository's .git/info/exclude), a deeper file overriding a shallower one, and
 * nothing inside an ignored folder coming back.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside, relativePosix } from '../shared/paths';
import { isDirectory, readTextIfReadable } from '../shared/fs';
import { findRepositoryTop } from '../vcs/git';

export class GitignoreRules {
  /** Where rules start applying: the repository's top folder, or the registry's folder outside git. */
  private readonly top: string;
  private readonly gitDir?: string;
  private readonly rulesByDir = new Map<string, Ignore | null>();
  private readonly ignoredDirs = new Map<string, boolean>();

  constructor(root: string) {
    const resolvedRoot = path.resolve(root);
    const top = findRepositoryTop(resolvedRoot);
    this.top = top ?? resolvedRoot;
    if (top && isDirectory(path.join(top, '.git'))) this.gitDir = path.join(top, '.git');
  }

  /** Whether `file` (absolute) is ignored by git's rules. Files outside the repository are not. */
  ignores(file: string): boolean {
    const absolute = path.resolve(file);
    if (!isInside(this.top, absolute) || absolute === this.top) return false;
    return this.isIgnoredDir(path.dirname(absolute)) || this.matches(absolute, false);
  }

  /** A folder is ignored when it or a folder above it is: git never looks inside an ignored folder. */
  private isIgnoredDir(dir: string): boolean {
    if (dir === this.top || !isInside(this.top, dir)) return false;
    let ignored = this.ignoredDirs.get(dir);
    if (ignored === undefined) {
      ignored = this.isIgnoredDir(path.dirname(dir)) || this.matches(dir, true);
      this.ignoredDirs.set(dir, ignored);
    }
    return ignored;
  }

  /** The last rule that matches, shallow files first, decides (a `!pattern` re-includes). */
  private matches(target: string, isDir: boolean): boolean {
    const dirs: string[] = [];
    for (let dir = path.dirname(target); isInside(this.top, dir); dir = path.dirname(dir)) {
      dirs.unshift(dir);
      if (dir === this.top) break;
    }
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesIn(dir);
      if (!rules) continue;
      const relative = relativePosix(dir, target) + (isDir ? '/' : '');
      const result = rules.test(relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesIn(dir: string): Ignore | null {
    let rules = this.rulesByDir.get(dir);
    if (rules === undefined) {
      // info/exclude first: the top folder's .gitignore overrides it, as in git.
      const sources = [dir === this.top && this.gitDir ? path.join(this.gitDir, 'info', 'exclude') : '', path.join(dir, '.gitignore')];
      const texts = sources.filter(Boolean).map(readTextIfReadable).filter((text): text is string => text !== null);
      rules = texts.length > 0 ? ignore().add(texts.join('\n')) : null;
      this.rulesByDir.set(dir, rules);
    }
    return rules;
  }
}
