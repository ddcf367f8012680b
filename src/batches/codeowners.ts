import * as fs from 'node:fs';
import * as path from 'node:path';
import { toForwardSlashes } from '../shared/paths';
import { isFile } from '../shared/fs';
import { escapeRegExp } from '../shared/regexp';

/**
 * GitHub's CODEOWNERS, as GitHub reads it.
 *
 * The patterns look like .gitignore's but are not matched the same way, which is why this does not use the
 * `ignore` package: `docs/*` owns `docs/a.md` but not `docs/guide/b.md` (gitignore would take the whole
 * subtree), and `!negation` and `[a-z]` classes are not supported (GitHub skips such lines).
 */
export interface CodeownersRule {
  /** The pattern as written, escapes included. */
  pattern: string;
  /** Empty: the line un-owns what it matches. */
  owners: string[];
  /** 1-based line in the CODEOWNERS file. */
  line: number;
  matcher: RegExp;
}

export interface CodeownersRules {
  /** Path of the CODEOWNERS file that was read, relative to the root, forward slashes. */
  file: string;
  rules: CodeownersRule[];
  /** Lines GitHub would skip as invalid; they own nothing. */
  skipped: { line: number; text: string; reason: string }[];
}

export const UNOWNED = '(unowned)';

/** GitHub looks in this order and uses the first file it finds. */
const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export function loadCodeowners(root: string): CodeownersRules | null {
  for (const location of CODEOWNERS_LOCATIONS) {
    const file = path.join(root, location);
    if (isFile(file)) {
      return parseCodeowners(fs.readFileSync(file, 'utf8'), location);
    }
  }
  return null;
}

export function parseCodeowners(text: string, file = 'CODEOWNERS'): CodeownersRules {
  const result: CodeownersRules = { file, rules: [], skipped: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((rawLine, index) => {
      const line = index + 1;
      const tokens = tokenize(rawLine);
      if (tokens.length === 0) return;
      const [pattern, ...owners] = tokens;
      const problem = unsupportedSyntax(pattern);
      if (problem) {
        result.skipped.push({ line, text: rawLine.trim(), reason: problem });
        return;
      }
      result.rules.push({ pattern, owners, line, matcher: compilePattern(pattern) });
    });
  return result;
}

/** Owners of a path relative to the repository root: the last matching rule wins. */
export function ownerOf(rules: CodeownersRules | null | undefined, relativePath: string): string {
  if (!rules) return UNOWNED;
  const target = toForwardSlashes(relativePath).replace(/^\.\//, '').replace(/^\/+/, '');
  for (let i = rules.rules.length - 1; i >= 0; i--) {
    const rule = rules.rules[i];
    if (rule.matcher.test(target)) return rule.owners.length > 0 ? rule.owners.join(' ') : UNOWNED;
  }
  return UNOWNED;
}

/** Splits a line on unescaped whitespace, dropping a comment that starts at an unescaped `#` token. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[++i];
    } else if (ch === ' ' || ch === '\t') {
      if (current) tokens.push(current);
      current = '';
    } else if (ch === '#' && current === '') {
      break;
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function unsupportedSyntax(pattern: string): string | null {
  if (pattern.startsWith('!')) return 'negated patterns are not supported by CODEOWNERS';
  if (/(^|[^\\])\[/.test(pattern)) return 'character ranges are not supported by CODEOWNERS';
  if (pattern.includes('***')) return 'three consecutive asterisks are not a valid pattern';
  return null;
}

/**
 * A pattern without a slash (other than a trailing one) matches at any depth; otherwise it is anchored at
 * the root. A trailing `/` means "everything inside". A last segment that names something (not a bare
 * `*`) also owns everything inside it, while a bare `*` stays one level deep.
 */
function compilePattern(pattern: string): RegExp {
  if (pattern === '/') return /^(?!)/;
  let segments = pattern.split('/');
  if (segments[0] === '') {
    segments = segments.slice(1);
  } else if (segments.length === 1 || (segments.length === 2 && segments[1] === '')) {
    if (segments[0] !== '**') segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') segments[segments.length - 1] = '**';

  const last = segments.length - 1;
  let source = '';
  let needsSlash = false;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      if (i === 0 && i === last) source += '.+';
      else if (i === 0) source += '(?:.+/)?';
      else if (i === last) source += '/.*';
      else source += '(?:/.+)?';
      needsSlash = i !== 0;
      return;
    }
    if (needsSlash) source += '/';
    if (segment === '*') {
      source += '[^/]+';
    } else {
      source += segmentSource(segment);
      if (i === last) source += '(?:/.*)?';
    }
    needsSlash = true;
  });
  return new RegExp(`^${source}$`, 's');
}

function segmentSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) source += escapeRegExp(segment[++i]);
    else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += escapeRegExp(ch);
  }
  return source;
}
