import { loadCodeowners, ownerOf, parseCodeowners, UNOWNED } from '../../src/batches/codeowners';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

function owner(codeowners: string, file: string): string {
  return ownerOf(parseCodeowners(codeowners), file);
}

describe('loadCodeowners', () => {
  it('uses GitHub precedence: .github/, then the root, then docs/', () => {
    const root = makeTempDir();
    writeFiles(root, {
      'docs/CODEOWNERS': '* @docs-team\n',
      CODEOWNERS: '* @root-team\n',
      '.github/CODEOWNERS': '* @github-team\n',
    });
    expect(loadCodeowners(root)?.file).toBe('.github/CODEOWNERS');
    expect(ownerOf(loadCodeowners(root), 'src/a.ts')).toBe('@github-team');
  });

  it('falls back to the root file, then docs/', () => {
    const root = makeTempDir();
    writeFiles(root, { 'docs/CODEOWNERS': '* @docs-team\n', CODEOWNERS: '* @root-team\n' });
    expect(ownerOf(loadCodeowners(root), 'a.ts')).toBe('@root-team');
    const docsOnly = makeTempDir();
    writeFiles(docsOnly, { 'docs/CODEOWNERS': '* @docs-team\n' });
    expect(ownerOf(loadCodeowners(docsOnly), 'a.ts')).toBe('@docs-team');
  });

  it('returns null without a CODEOWNERS file, and null rules own nothing', () => {
    const root = makeTempDir();
    expect(loadCodeowners(root)).toBeNull();
    expect(ownerOf(null, 'src/a.ts')).toBe(UNOWNED);
  });
});

describe('ownerOf', () => {
  it('lets the last matching line win', () => {
    const rules = '* @everyone\n*.ts @ts-team\nsrc/agents/ @agents @agents-backup\n';
    expect(owner(rules, 'README.md')).toBe('@everyone');
    expect(owner(rules, 'src/index.ts')).toBe('@ts-team');
    expect(owner(rules, 'src/agents/engine.ts')).toBe('@agents @agents-backup');
  });

  it('un-owns paths matched by a line without owners', () => {
    const rules = '/apps/ @octocat\n/apps/github\n';
    expect(owner(rules, 'apps/web/a.ts')).toBe('@octocat');
    expect(owner(rules, 'apps/github/a.ts')).toBe(UNOWNED);
    expect(owner(rules, 'lib/a.ts')).toBe(UNOWNED);
  });

  it('skips comments, blank lines and trailing comments, and reads an escaped # as part of the pattern', () => {
    const rules = '# a comment\n\n   \n*.ts @ts-team # trailing comment\n\\#notes.md @hash-team\n';
    expect(owner(rules, 'a.ts')).toBe('@ts-team');
    expect(owner(rules, '#notes.md')).toBe('@hash-team');
    expect(owner(rules, 'notes.md')).toBe(UNOWNED);
  });

  it('keeps docs/* to one level, unlike .gitignore', () => {
    const rules = 'docs/* @docs\n';
    expect(owner(rules, 'docs/getting-started.md')).toBe('@docs');
    expect(owner(rules, 'docs/build-app/troubleshooting.md')).toBe(UNOWNED);
    expect(owner(rules, 'other/docs/a.md')).toBe(UNOWNED);
  });

  it.each([
    // [pattern, path, matches]
    ['foo', 'foo', true],
    ['foo', 'bar/foo/baz', true],
    ['foo', 'bar/foo.txt', false],
    ['/foo', 'bar/foo', false],
    ['/foo', 'foo/bar/baz', true],
    ['foo/', 'foo', false],
    ['foo/', 'bar/foo/baz', true],
    ['/foo/', 'bar/foo/baz', false],
    ['foo/bar', 'foo/bar/baz', true],
    ['foo/bar', 'baz/foo/bar', false],
    ['*', 'any/depth/file.ts', true],
    ['*.js', 'src/deep/a.js', true],
    ['*.js', 'src/deep/a.jsx', false],
    ['/*', 'foo/bar', false],
    ['/*', 'foo', true],
    ['f?o', 'foo', true],
    ['f?o', 'fooo', false],
    ['f\\*o', 'foo', false],
    ['f\\*o', 'f*o', true],
    ['**/logs', 'a/b/logs/x.log', true],
    ['foo/**/bar', 'foo/bar', true],
    ['foo/**/bar', 'foo/x/y/bar/z', true],
    ['foo/**/bar', 'qux/foo/bar', false],
    ['foo/bar/**', 'foo/bar', false],
    ['foo/bar/**', 'foo/bar/baz/qux', true],
    ['foo/*.txt', 'foo/bar/baz.txt', false],
    ['src/a.b', 'src/aXb', false],
  ])('pattern %s against %s → %s', (pattern, file, matches) => {
    expect(owner(`${pattern} @owner`, file)).toBe(matches ? '@owner' : UNOWNED);
  });

  it('skips lines GitHub rejects and says why', () => {
    const parsed = parseCodeowners('* @all\n!keep.ts @nobody\nsrc/[ab].ts @class\n');
    expect(parsed.rules.map((rule) => rule.pattern)).toEqual(['*']);
    expect(parsed.skipped.map((skip) => skip.line)).toEqual([2, 3]);
    expect(ownerOf(parsed, 'keep.ts')).toBe('@all');
  });

  it('reads CRLF files and a BOM', () => {
    expect(owner('\uFEFF*.ts @ts\r\nsrc/ @src\r\n', 'src/a.ts')).toBe('@src');
    expect(owner('\uFEFF*.ts @ts\r\nsrc/ @src\r\n', 'lib/a.ts')).toBe('@ts');
  });
});
