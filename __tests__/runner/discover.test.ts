/**
 * discoverFiles on real temporary trees: include/exclude globs, folders that are never source,
 * .gitignore files (root, nested, above the registry), links, and narrowing to paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles, NothingToScanError } from '../../src/runner/discover';
import { loadRegistry } from '../../src/registry/load';
import type { Registry } from '../../src/registry/types';
import { committedRepo, git as gitIn, makeTempDir, removeTempDirs, tempTree, writeFiles } from '../helpers/temp-repo';
import { GitignoreRules, ignoreRulesFor } from '../../src/runner/gitignore';

// The `ignore` library as it is, its calls counted: how many rule sets the reader builds.
jest.mock('ignore', () => {
  const actual = jest.requireActual('ignore');
  return { __esModule: true, default: jest.fn((...args: unknown[]) => (actual.default ?? actual)(...args)) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ignoreFactory = (require('ignore') as { default: jest.Mock }).default;

const tree = (files: Record<string, string>): string => tempTree(files, 'ssot-discover-');
afterAll(removeTempDirs);

function registryAt(root: string): Registry {
  return loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
}

function relative(root: string, files: string[]): string[] {
  return files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

describe('discoverFiles: what is included', () => {
  const root = tree({
    'ssot.config.json': JSON.stringify({ exclude: ['**/generated/**'] }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'compiled' } }),
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mjs': '',
    'src/notes.md': '',
    'src/generated/g.ts': '',
    'src/build/tool.ts': '',
    'src/x.gen.ts': '',
    'src/sub/.gitignore': 'local.ts\n!keep.gen.ts\n',
    'src/sub/local.ts': '',
    'src/sub/keep.gen.ts': '',
    'src/sub/other.ts': '',
    'tmp/.gitignore': '!t.ts\n',
    'tmp/t.ts': '',
    '.gitignore': 'tmp/\n*.gen.ts\n',
    'node_modules/pkg/index.js': '',
    'src/node_modules/inner/index.js': '',
    'dist/d.js': '',
    'build/b.js': '',
    'out/o.js': '',
    'coverage/c.js': '',
    'compiled/o.js': '',
    '.ssot-codemod/journal.js': '',
    '.git/hooks/h.js': '',
    'packages/p/package.json': '{}',
    'packages/p/dist/x.js': '',
    'packages/p/src/index.ts': '',
  });

  it('keeps included sources and skips excluded, ignored, dependency and build-output files', () => {
    const { files, notes } = discoverFiles(registryAt(root));
    expect(relative(root, files)).toEqual([
      'packages/p/src/index.ts',
      'src/a.ts',
      'src/b.tsx',
      'src/build/tool.ts', // a source folder named build, not a package's output
      'src/c.mjs',
      'src/sub/keep.gen.ts', // the nested .gitignore re-includes it
      'src/sub/other.ts',
    ]);
    expect(notes).toEqual([]);
    expect(files.every((file) => path.isAbsolute(file))).toBe(true);
  });

  it("tells once, before the filters, how many files the globs' walk listed: an estimate for starting workers", () => {
    const counts: number[] = [];
    const { files } = discoverFiles(registryAt(root), undefined, { onListed: (n) => counts.push(n), elsewhere: true });
    // The walk lists the .gitignore'd and package-output files too (x.gen.ts, local.ts, tmp/t.ts,
    // packages/p/dist/x.js), not those its own ignore globs leave out; the second walk (elsewhere) tells nothing.
    expect(counts).toHaveLength(1);
    expect(counts[0]).toBeGreaterThan(files.length);
    expect(counts[0]).toBe(files.length + 4);
  });

  it('gives the same answer every time', () => {
    expect(discoverFiles(registryAt(root))).toEqual(discoverFiles(registryAt(root)));
  });

  it('honours the registry include globs', () => {
    fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ include: ['src/sub/**/*.ts'] }));
    try {
      expect(relative(root, discoverFiles(registryAt(root)).files)).toEqual(['src/sub/keep.gen.ts', 'src/sub/other.ts']);
    } finally {
      fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ exclude: ['**/generated/**'] }));
    }
  });
});

describe('discoverFiles: dot-folders and dot-files', () => {
  const root = tree({
    'ssot.config.json': '{}',
    '.gitignore': '.cache/\n',
    '.storybook/main.ts': '',
    '.storybook/preview.tsx': '',
    '.dumi/theme/layout.tsx': '',
    '.eslintrc.js': '',
    'src/.internal/helper.ts': '',
    'src/a.ts': '',
    '.cache/chunk.js': '',
    '.git/hooks/pre-commit.js': '',
    'node_modules/.bin/tool.js': '',
    '.yarn/releases/yarn-4.cjs': '',
    '.pnp.cjs': '',
  });

  it('are processed by default like any other file, unless git ignores them or they are git\'s or the package manager\'s', () => {
    expect(relative(root, discoverFiles(registryAt(root)).files)).toEqual([
      '.dumi/theme/layout.tsx',
      '.eslintrc.js',
      '.storybook/main.ts',
      '.storybook/preview.tsx',
      'src/.internal/helper.ts',
      'src/a.ts',
    ]);
  });

  it('are matched by include globs as by git: `src/**` takes src/.internal too', () => {
    fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ include: ['src/**/*.ts'] }));
    try {
      expect(relative(root, discoverFiles(registryAt(root)).files)).toEqual(['src/.internal/helper.ts', 'src/a.ts']);
    } finally {
      fs.writeFileSync(path.join(root, 'ssot.config.json'), '{}');
    }
  });
});

describe('discoverFiles: .gitignore above the registry', () => {
  it('applies the rules of the repository top folder to a registry in a subfolder', () => {
    const top = tree({
      '.gitignore': 'secret.ts\n',
      '.git/info/exclude': 'local-only.ts\n',
      'app/ssot.config.json': '{}',
      'app/src/main.ts': '',
      'app/src/secret.ts': '',
      'app/src/local-only.ts': '',
    });
    const root = path.join(top, 'app');
    expect(relative(root, discoverFiles(registryAt(root)).files)).toEqual(['src/main.ts']);
  });
});

describe('discoverFiles: links', () => {
  const outside = tree({ 'o.ts': '', 'dir/d.ts': '' });
  const root = tree({
    'ssot.config.json': JSON.stringify({ exclude: ['**/generated/**'] }),
    'src/a.ts': '',
    'src/sub/s.ts': '',
    'src/generated/g.ts': '',
  });
  fs.symlinkSync(path.join(root, 'src/a.ts'), path.join(root, 'src/link-in.ts'));
  fs.symlinkSync(path.join(outside, 'o.ts'), path.join(root, 'src/link-out.ts'));
  fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'src/linked-outside-dir'));
  fs.symlinkSync(path.join(root, 'src/sub'), path.join(root, 'src/linked-inside-dir'));
  fs.symlinkSync(path.join(root, 'src/generated/g.ts'), path.join(root, 'src/link-excluded.ts'));
  fs.symlinkSync(path.join(root, 'src/nowhere.ts'), path.join(root, 'src/broken.ts'));

  it('processes each file once, by its real path, and never follows a link out or into a folder', () => {
    const { files, notes } = discoverFiles(registryAt(root));
    expect(relative(root, files)).toEqual(['src/a.ts', 'src/sub/s.ts']);
    expect(notes.map((n) => [path.relative(root, n.file), n.reason])).toEqual([
      ['src/link-excluded.ts', expect.stringContaining('which the registry does not include')],
      ['src/link-in.ts', expect.stringMatching(/link to src\/a\.ts.*processed once, by its real path/)],
      ['src/link-out.ts', expect.stringContaining("link leads outside the registry's folder")],
    ]);
  });

  it('names files under the registry folder as given, even when that folder is reached through a link', () => {
    const via = path.join(makeTempDir('ssot-via-'), 'project');
    fs.symlinkSync(root, via);
    const registry = loadRegistry({ configPath: path.join(via, 'ssot.config.json') });
    const { files, notes } = discoverFiles(registry);
    expect(files).toEqual([path.join(via, 'src/a.ts'), path.join(via, 'src/sub/s.ts')]);
    expect(notes.map((n) => path.relative(via, n.file))).toEqual(['src/link-excluded.ts', 'src/link-in.ts', 'src/link-out.ts']);
  });

  it('resolves a link named on the command line to the file it stands for', () => {
    const { files, notes } = discoverFiles(registryAt(root), ['src/link-in.ts'], { cwd: root });
    expect(relative(root, files)).toEqual(['src/a.ts']);
    expect(notes).toHaveLength(1);
    expect(notes[0].reason).toContain('processed once');
  });
});

describe('discoverFiles: narrowed to paths', () => {
  const root = tree({
    'ssot.config.json': '{}',
    'src/a.ts': '',
    'src/sub/s1.ts': '',
    'src/sub/deeper/s2.ts': '',
    'src/empty/readme.md': '',
    'node_modules/pkg/index.js': '',
  });
  const outside = tree({ 'elsewhere.ts': '' });

  it('keeps the files under a folder, relative to cwd', () => {
    const { files, notes } = discoverFiles(registryAt(root), ['sub'], { cwd: path.join(root, 'src') });
    expect(relative(root, files)).toEqual(['src/sub/deeper/s2.ts', 'src/sub/s1.ts']);
    expect(notes).toEqual([]);
  });

  it('accepts files and absolute paths, each file once', () => {
    const { files } = discoverFiles(registryAt(root), [path.join(root, 'src/a.ts'), 'src/a.ts', 'src/sub/s1.ts'], { cwd: root });
    expect(relative(root, files)).toEqual(['src/a.ts', 'src/sub/s1.ts']);
  });

  it('stops on a path that is outside the registry, missing, or a folder with no included file, naming it', () => {
    const refused = (paths: string[]) => () => discoverFiles(registryAt(root), paths, { cwd: root });
    expect(refused([path.join(outside, 'elsewhere.ts')])).toThrow(new RegExp(`^${path.join(outside, 'elsewhere.ts')}: outside the registry's folder`));
    expect(refused(['src/a.ts', 'src/missing.ts'])).toThrow(`src/missing.ts: no such file or folder (paths are relative to the current folder, ${root})`);
    expect(refused(['src/empty'])).toThrow(/^src\/empty: no file in this folder is included by the registry/);
    expect(refused(['src/missing.ts', 'src/empty'])).toThrow(NothingToScanError);
  });

  it('notes a file that is not included beside files that are, and stops when none is', () => {
    const { files, notes } = discoverFiles(registryAt(root), ['src/a.ts', 'node_modules/pkg/index.js'], { cwd: root });
    expect(relative(root, files)).toEqual(['src/a.ts']);
    expect(notes).toEqual([{ file: path.join(root, 'node_modules/pkg/index.js'), reason: expect.stringMatching(/not included by the registry/) }]);
    expect(() => discoverFiles(registryAt(root), ['node_modules/pkg/index.js'], { cwd: root }))
      .toThrow(/^no file to scan: none of the paths given \(node_modules\/pkg\/index\.js\) is a file the registry includes$/);
  });

  it('takes a quoted glob the shell left alone, and stops on one that matches nothing', () => {
    const { files } = discoverFiles(registryAt(root), ['src/**/s*.ts'], { cwd: root });
    expect(relative(root, files)).toEqual(['src/sub/deeper/s2.ts', 'src/sub/s1.ts']);
    expect(() => discoverFiles(registryAt(root), ['src/**/*.tsx'], { cwd: root })).toThrow(/^src\/\*\*\/\*\.tsx: the glob matches no file or folder/);
  });
});

describe('discoverFiles: a registry that matches nothing', () => {
  it('names an include glob that matches no file, by its JSON path', () => {
    const root = tree({ 'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts', 'tests/**/*.ts'] }), 'src/a.ts': '' });
    expect(() => discoverFiles(registryAt(root))).toThrow(`${path.join(root, 'ssot.config.json')}: $.include[1]: "tests/**/*.ts" matches no file`);
  });

  it('names a glob whose every match is excluded, and takes a bare folder name as tinyglobby does', () => {
    const excluded = tree({ 'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts', 'gen/**/*.ts'], exclude: ['gen/**'] }), 'src/a.ts': '', 'gen/g.ts': '' });
    expect(() => discoverFiles(registryAt(excluded))).toThrow(/\$\.include\[1\]: "gen\/\*\*\/\*\.ts" matches no file/);
    const folder = tree({ 'ssot.config.json': JSON.stringify({ include: ['src'] }), 'src/a.ts': '' });
    expect(relative(folder, discoverFiles(registryAt(folder)).files)).toEqual(['src/a.ts']);
  });

  it('stops when there is no file at all to scan', () => {
    const root = tree({ 'ssot.config.json': '{}', 'README.md': '' });
    expect(() => discoverFiles(registryAt(root))).toThrow(/^no file to scan: the registry's include globs \(\*\*\/\*\.\{ts,tsx,js,jsx,mjs,cjs,mts,cts\}, \*\*\/\*\.py, \*\*\/\*\.pyi\) match no file under /);
  });
});

describe('discoverFiles in a git repository: git itself lists what it ignores', () => {
  // Every rule the .gitignore reader knows, in a real repository with tracked, untracked, ignored and
  // tracked-then-ignored files, a nested repository and a link: git's answer must be the reader's.
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify({ exclude: ['**/generated/**'] }),
    '.gitignore': 'tmp/\n*.gen.ts\n/rooted.ts\nlogs/**\n!logs/keep.ts\n',
    'src/a.ts': '', 'src/b.tsx': '', 'src/x.gen.ts': '', 'src/rooted.ts': '', 'rooted.ts': '',
    'src/sub/.gitignore': 'local.ts\n!keep.gen.ts\n*.tmp.ts\n',
    'src/sub/local.ts': '', 'src/sub/keep.gen.ts': '', 'src/sub/other.ts': '', 'src/sub/deep/z.tmp.ts': '',
    'tmp/.gitignore': '!t.ts\n', 'tmp/t.ts': '',
    'logs/keep.ts': '', 'logs/drop.ts': '',
    'src/generated/g.ts': '',
    'src/.hidden/h.ts': '',
    'src/space name/é.ts': '',
  };
  const root = committedRepo(files);
  // Untracked files beside tracked ones; a tracked file the rules name afterwards; a nested repository.
  writeFiles(root, { 'src/untracked.ts': '', 'src/untracked.gen.ts': '', 'src/new/n.ts': '', 'nested/inner.ts': '', 'nested/.gitignore': 'inner-ignored.ts\n', 'nested/inner-ignored.ts': '' });
  gitIn(root, 'add', '-f', 'src/x.gen.ts');
  gitIn(root, 'commit', '-q', '-m', 'a tracked file the rules name');
  gitIn(path.join(root, 'nested'), 'init', '-q');
  fs.symlinkSync('a.ts', path.join(root, 'src/link.ts'));
  fs.writeFileSync(path.join(root, '.git', 'info', 'exclude'), 'src/excluded-locally.ts\n');
  writeFiles(root, { 'src/excluded-locally.ts': '' });

  it('ignores exactly what the .gitignore reader ignores', () => {
    const everything = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.name === '.git' ? [] : e.isDirectory() ? everything(path.join(dir, e.name)) : [path.join(dir, e.name)]);
    const byGit = ignoreRulesFor(root);
    const byReader = new GitignoreRules(root);
    const all = everything(root);
    expect(all.length).toBeGreaterThan(25);
    expect(all.filter((f) => byGit.ignores(f) !== byReader.ignores(f)).map((f) => path.relative(root, f))).toEqual([]);
    expect(byGit).not.toBeInstanceOf(GitignoreRules);
    // Asked not to start git (check), the .gitignore files are read here, to the same answer.
    expect(ignoreRulesFor(root, { git: false })).toBeInstanceOf(GitignoreRules);
    expect(relative(root, discoverFiles(registryAt(root), undefined, { git: false }).files)).toEqual(relative(root, discoverFiles(registryAt(root)).files));
  });

  it('discovers the same files as outside git', () => {
    const copy = tempTree({});
    fs.cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(path.join(copy, '.git'), { recursive: true });
    fs.rmSync(path.join(copy, 'nested', '.git'), { recursive: true });
    fs.mkdirSync(path.join(copy, '.git', 'info'), { recursive: true });
    fs.writeFileSync(path.join(copy, '.git', 'info', 'exclude'), 'src/excluded-locally.ts\n');
    const inGit = discoverFiles(registryAt(root));
    const outside = discoverFiles(registryAt(copy));
    expect(relative(root, inGit.files)).toEqual(relative(copy, outside.files));
    expect(inGit.notes.map((n) => [path.relative(root, n.file), n.reason])).toEqual(outside.notes.map((n) => [path.relative(copy, n.file), n.reason.split(copy).join(root)]));
  });
});

describe('the .gitignore reader: comments, blank lines and escapes, as git reads them', () => {
  // A file of comments and blank lines (every `git init` writes such an info/exclude) builds no rules; a
  // file whose one rule is an escaped `\#`, or a name that starts with a space before `#`, keeps it.
  const root = committedRepo({
    'ssot.config.json': '{}',
    '.gitignore': '# build output\n\n   \n#*.ts\n',
    'src/.gitignore': '# local\n\\#hash.ts\n',
    'src/deep/.gitignore': '# a name that starts with a space\n #x.ts\n',
    'src/other/.gitignore': '\r\n# CRLF\r\nlocal-*.ts\r\n',
    'src/a.ts': '', 'src/#hash.ts': '', 'src/deep/ #x.ts': '', 'src/deep/#x.ts': '', 'src/other/local-1.ts': '', 'src/other/b.ts': '',
  });
  fs.writeFileSync(path.join(root, '.git', 'info', 'exclude'), '# git ls-files --others --exclude-from=.git/info/exclude\n# Lines that start with \'#\' are comments.\n');
  const files = ['src/a.ts', 'src/#hash.ts', 'src/deep/ #x.ts', 'src/deep/#x.ts', 'src/other/local-1.ts', 'src/other/b.ts'].map((f) => path.join(root, f));

  it('ignores what git ignores', () => {
    const byReader = new GitignoreRules(root);
    const byGit = ignoreRulesFor(root);
    expect(byGit).not.toBeInstanceOf(GitignoreRules);
    expect(files.filter((f) => byReader.ignores(f)).map((f) => path.relative(root, f))).toEqual(['src/#hash.ts', 'src/deep/ #x.ts', 'src/other/local-1.ts']);
    expect(files.map((f) => byReader.ignores(f))).toEqual(files.map((f) => byGit.ignores(f)));
    expect(relative(root, discoverFiles(registryAt(root), undefined, { git: false }).files)).toEqual(['src/a.ts', 'src/deep/#x.ts', 'src/other/b.ts']);
  });

  it('builds rules for the three files that hold one, none for the top folder\'s comments', () => {
    ignoreFactory.mockClear();
    const reader = new GitignoreRules(root);
    for (const file of files) reader.ignores(file);
    expect(ignoreFactory).toHaveBeenCalledTimes(3);
  });
});

describe('discoverFiles in a git repository: the listing runs nothing of the repository and takes nothing of a calling git', () => {
  it('never starts core.fsmonitor, and lists this repository, not the one a hook\'s GIT_DIR / GIT_INDEX_FILE / GIT_WORK_TREE name', () => {
    const root = committedRepo({ 'ssot.config.json': '{}', '.gitignore': '*.gen.ts\n', 'src/a.ts': '', 'src/b.gen.ts': '' });
    writeFiles(root, { 'src/untracked.ts': '' });
    const marker = path.join(makeTempDir(), 'fsmonitor-ran');
    const monitor = path.join(makeTempDir(), 'monitor.sh');
    fs.writeFileSync(monitor, `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`, { mode: 0o755 });
    gitIn(root, 'config', 'core.fsmonitor', monitor);
    // Another repository, as a pre-commit hook of it would pass: its exclude file ignores every .ts file.
    const other = committedRepo({ 'other.ts': '' });
    fs.writeFileSync(path.join(other, '.git', 'info', 'exclude'), '*.ts\n');
    const saved = { ...process.env };
    Object.assign(process.env, {
      GIT_DIR: path.join(other, '.git'),
      GIT_WORK_TREE: other,
      GIT_INDEX_FILE: path.join(other, '.git', 'index'),
      GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_CONFIG_VALUE_0: monitor,
    });
    let byGit: ReturnType<typeof ignoreRulesFor>;
    let discovered: string[];
    try {
      byGit = ignoreRulesFor(root);
      discovered = discoverFiles(registryAt(root)).files;
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
    expect(byGit).not.toBeInstanceOf(GitignoreRules);
    expect(relative(root, discovered)).toEqual(['src/a.ts', 'src/untracked.ts']);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('never follows a link out of the tree, even where git\'s index still lists files behind it', () => {
    const root = committedRepo({ 'ssot.config.json': '{}', 'src/a.ts': '', 'lib/f.ts': '' });
    const outside = tempTree({ 'f.ts': '', 'g.ts': '' });
    fs.rmSync(path.join(root, 'lib'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'lib'));
    fs.symlinkSync(outside, path.join(root, 'src', 'linked'));
    expect(gitIn(root, 'ls-files', '--cached')).toContain('lib/f.ts');
    const { files } = discoverFiles(registryAt(root));
    expect(relative(root, files)).toEqual(['src/a.ts']);
    expect(files.every((file) => !file.startsWith(outside))).toBe(true);
  });
});
