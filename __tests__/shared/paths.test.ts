import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings, folderPrefix, isInside, realParentPath, realPathOr, relativePosix, toForwardSlashes, toPosix } from '../../src/shared/paths';
import { acquireLock, applyBatchAtomically } from '../../src/batches/journal';
import { loadRegistry } from '../../src/registry/load';
import { moduleKey } from '../../src/languages/javascript/resolve';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

afterAll(removeTempDirs);

describe('isInside', () => {
  const root = path.resolve('/r');

  it('counts the folder itself as inside', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, `${root}${path.sep}`)).toBe(true);
  });

  it('counts what lies under the folder as inside', () => {
    expect(isInside(root, path.join(root, 'a.ts'))).toBe(true);
    expect(isInside(root, path.join(root, 'src', 'deep', 'a.ts'))).toBe(true);
  });

  it('takes a name that merely starts with .. for a name, not a way out', () => {
    expect(isInside(root, path.join(root, '..foo', 'a.ts'))).toBe(true);
    expect(isInside(root, path.join(root, '..foo'))).toBe(true);
    expect(isInside(root, path.join(root, '...'))).toBe(true);
  });

  it('says a path through .. out of the folder is outside', () => {
    expect(isInside(root, `${root}${path.sep}..${path.sep}x`)).toBe(false);
    expect(isInside(root, path.dirname(root))).toBe(false);
    expect(isInside(path.join(root, 'a'), path.join(root, 'b', 'c.ts'))).toBe(false);
  });

  it('says a sibling whose name starts with the folder name is outside', () => {
    expect(isInside(root, `${root}x`)).toBe(false);
    expect(isInside(root, path.join(`${root}x`, 'a.ts'))).toBe(false);
  });

  it('says a path on another drive is outside, and keeps the same rules with Windows paths', () => {
    // Only across Windows drives does path.relative answer with an absolute path: run the helper on path.win32.
    let windowsIsInside!: typeof isInside;
    jest.isolateModules(() => {
      jest.doMock('node:path', () => jest.requireActual<typeof path>('node:path').win32);
      windowsIsInside = require('../../src/shared/paths').isInside;
    });
    expect(windowsIsInside('C:\\r', 'D:\\r\\a.ts')).toBe(false);
    expect(windowsIsInside('C:\\r', 'C:\\r\\a.ts')).toBe(true);
    expect(windowsIsInside('C:\\r', 'C:\\r\\..foo\\a.ts')).toBe(true);
    expect(windowsIsInside('C:\\r', 'C:\\r\\..\\x')).toBe(false);
    expect(windowsIsInside('C:\\r', 'C:\\rx')).toBe(false);
  });
});

describe('folderPrefix', () => {
  it('says of resolved paths other than the folder itself what isInside says', () => {
    const dirs = ['/', '/a', '/a/b', '/a/b/'];
    const paths = ['/', '/a', '/ab', '/a/b', '/a/bc', '/a/b/c', '/a/b/..foo/x', '/a/..b', '/b/a/b/c'].map((p) => path.resolve(p));
    for (const dir of dirs) {
      for (const p of paths.filter((candidate) => candidate !== path.resolve(dir))) {
        expect([dir, p, p.startsWith(folderPrefix(dir))]).toEqual([dir, p, isInside(dir, p)]);
      }
    }
  });
});

describe('slashes', () => {
  it('names a file relative to a folder with / between its segments', () => {
    expect(relativePosix(path.resolve('/r'), path.resolve('/r/src/a.ts'))).toBe('src/a.ts');
    expect(relativePosix(path.resolve('/r/src'), path.resolve('/r/lib/a.ts'))).toBe('../lib/a.ts');
    expect(toPosix(path.join('src', 'a.ts'))).toBe('src/a.ts');
  });

  it('leaves a backslash in a POSIX name to toPosix, and turns every one into / with toForwardSlashes', () => {
    if (path.sep === '/') expect(toPosix('src/a\\b.ts')).toBe('src/a\\b.ts');
    expect(toForwardSlashes('src\\agents\\a.ts')).toBe('src/agents/a.ts');
  });

  it('orders by code unit, whatever the locale', () => {
    expect(['b', 'a', 'B', 'é', 'Z'].sort(compareStrings)).toEqual(['B', 'Z', 'a', 'b', 'é']);
  });
});

describe('a folder named ..foo, to the callers that had their own isInside', () => {
  it('is written by a batch like any folder under the root', async () => {
    const root = tempTree({ '..foo/a.ts': 'old\n' });
    const file = path.join(root, '..foo', 'a.ts');
    const lock = acquireLock(root);
    await expect(applyBatchAtomically(lock, [{ path: file, before: 'old\n', after: 'new\n' }])).resolves.toEqual({ status: 'written' });
    lock.release();
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('holds registry modules like any folder under the registry', () => {
    const root = tempTree({
      '..foo/old.ts': 'export const x = 1;\n',
      '..foo/new.ts': 'export const x = 1;\n',
      'ssot.config.json': JSON.stringify({ modules: [{ from: '..foo/old', to: '..foo/new' }], symbols: [] }),
    });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    expect(registry.modules.map((move) => [moduleKey(move.from), moduleKey(move.to)])).toEqual([
      [path.join(root, '..foo', 'old.ts'), path.join(root, '..foo', 'new.ts')],
    ]);
  });
});

describe('realPathOr', () => {
  it('follows a link to the real file', () => {
    const root = tempTree({ 'real/a.ts': '' });
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    expect(realPathOr(path.join(root, 'link', 'a.ts'))).toBe(path.join(root, 'real', 'a.ts'));
    expect(realPathOr(path.join(root, 'link', 'a.ts'), { native: false })).toBe(path.join(root, 'real', 'a.ts'));
  });

  it('falls back to the path resolved, or to what the caller asks for, when there is no file', () => {
    const root = tempTree({});
    const missing = path.join(root, 'no', '..', 'such', 'a.ts');
    expect(realPathOr(missing)).toBe(path.join(root, 'such', 'a.ts'));
    expect(realPathOr(path.relative(process.cwd(), missing))).toBe(path.join(root, 'such', 'a.ts'));
    expect(realPathOr(missing, { native: false })).toBe(path.join(root, 'such', 'a.ts'));
    expect(realPathOr('', { fallback: (p) => p })).toBe('');
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'broken'));
    expect(realPathOr(path.join(root, 'broken'), { fallback: () => 'fallback' })).toBe('fallback');
  });

  it('makes only the folder real in realParentPath: a link keeps its own name', () => {
    const root = tempTree({ 'real/a.ts': '' });
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'dir-link'));
    fs.symlinkSync(path.join(root, 'real', 'a.ts'), path.join(root, 'real', 'file-link.ts'));
    expect(realParentPath(path.join(root, 'dir-link', 'file-link.ts'))).toBe(path.join(root, 'real', 'file-link.ts'));
    expect(realParentPath(path.join(root, 'dir-link', 'new.ts'), { native: false })).toBe(path.join(root, 'real', 'new.ts'));
    expect(realParentPath(path.join(root, 'missing', 'new.ts'))).toBe(path.join(root, 'missing', 'new.ts'));
  });
});
