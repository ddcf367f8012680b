import * as path from 'node:path';
import { isDirectory, isFile, readJsonObject, readTextIfPresent, readTextIfReadable } from '../../src/shared/fs';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

afterAll(removeTempDirs);

describe('readJsonObject', () => {
  const root = tempTree({
    'object.json': '{ "types": "index.d.ts", "main": "index.js" }',
    'array.json': '["index.js"]',
    'null.json': 'null',
    'string.json': '"index.js"',
    'invalid.json': '{ "main": ',
    'folder.json/inside': '',
  });

  it('reads a JSON object', () => {
    expect(readJsonObject(path.join(root, 'object.json'))).toEqual({ types: 'index.d.ts', main: 'index.js' });
  });

  it('gives null for JSON that is not an object', () => {
    expect(readJsonObject(path.join(root, 'array.json'))).toBeNull();
    expect(readJsonObject(path.join(root, 'null.json'))).toBeNull();
    expect(readJsonObject(path.join(root, 'string.json'))).toBeNull();
  });

  it('gives null for text that is not JSON', () => {
    expect(readJsonObject(path.join(root, 'invalid.json'))).toBeNull();
  });

  it('gives null for a file that is missing or cannot be read', () => {
    expect(readJsonObject(path.join(root, 'missing.json'))).toBeNull();
    expect(readJsonObject(path.join(root, 'folder.json'))).toBeNull();
  });
});

describe('optional reads and existence tests', () => {
  const root = tempTree({ 'a.txt': 'text', 'dir/b.txt': '' });

  it('reads a file that is there, and gives null for one that is not', () => {
    expect(readTextIfPresent(path.join(root, 'a.txt'))).toBe('text');
    expect(readTextIfPresent(path.join(root, 'missing.txt'))).toBeNull();
    expect(readTextIfReadable(path.join(root, 'a.txt'))).toBe('text');
    expect(readTextIfReadable(path.join(root, 'missing.txt'))).toBeNull();
  });

  it('throws what is not a missing file from readTextIfPresent, and turns it into null in readTextIfReadable', () => {
    expect(() => readTextIfPresent(path.join(root, 'dir'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(readTextIfReadable(path.join(root, 'dir'))).toBeNull();
  });

  it('tells files from folders, and missing paths from both', () => {
    expect([isFile(path.join(root, 'a.txt')), isDirectory(path.join(root, 'a.txt'))]).toEqual([true, false]);
    expect([isFile(path.join(root, 'dir')), isDirectory(path.join(root, 'dir'))]).toEqual([false, true]);
    expect([isFile(path.join(root, 'missing')), isDirectory(path.join(root, 'missing'))]).toEqual([false, false]);
  });
});
