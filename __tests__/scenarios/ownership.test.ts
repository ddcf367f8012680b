/**
 * Each rewritten file keeps its owner, group and mode (the hardening issue, item 12): run as root on a
 * user's tree, nothing becomes root's; run as a user, a file that belongs to someone else (root's, in a
 * folder the user may write) is not replaced behind its owner's back. These need root to set the scene
 * (to hand files to other users); elsewhere they are skipped, and say so.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { BIN, cli } from '../helpers/cli';

afterAll(removeTempDirs);

const USER = 1000;
const isRoot = process.getuid?.() === 0;
const itAsRoot = isRoot ? it : it.skip;

const REGISTRY = JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/old' }] }] });
const USE = "import { Engine } from './old';\nexport type E = Engine;\n";
const USED = "import { Engine } from './engine';\nexport type E = Engine;\n";

/** A tree (not a git repository) with two files to rewrite, everything handed to USER. */
function usersTree(): string {
  const root = makeTempDir('ssot-owner-');
  writeFiles(root, {
    'ssot.config.json': REGISTRY,
    'src/engine.ts': 'export class Engine {}\n',
    'src/old.ts': "export { Engine } from './engine';\n",
    'src/a.ts': USE,
    'src/b.ts': USE,
  });
  spawnSync('chown', ['-R', `${USER}:${USER}`, root]);
  return root;
}

const ownerOf = (file: string): string => {
  const stat = fs.statSync(file);
  return `${stat.uid}:${stat.gid} ${(stat.mode & 0o7777).toString(8)}`;
};

describe('owner, group and mode of rewritten files', () => {
  itAsRoot('run as root on a user\'s tree: each file keeps its owner, group and mode, and so does the state left behind', () => {
    const root = usersTree();
    fs.chmodSync(path.join(root, 'src/a.ts'), 0o640);
    spawnSync('chown', [`${USER}:0`, path.join(root, 'src/b.ts')]);
    const run = cli(root, 'apply');
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(USED);
    expect(ownerOf(path.join(root, 'src/a.ts'))).toBe(`${USER}:${USER} 640`);
    expect(ownerOf(path.join(root, 'src/b.ts'))).toBe(`${USER}:0 644`);
    // The state folder root made in the user's tree is the user's, so they can clear it.
    expect(fs.statSync(path.join(root, '.ssot-codemod')).uid).toBe(USER);
  });

  itAsRoot('run as a user: a root-owned file in a folder the user may write is not replaced; the batch is refused, naming it', () => {
    const root = usersTree();
    const theirs = path.join(root, 'src/b.ts');
    spawnSync('chown', ['0:0', theirs]);
    const run = spawnSync(process.execPath, [BIN, 'apply'], { cwd: root, uid: USER, gid: USER, encoding: 'utf8', env: { ...process.env, CI: 'true', HOME: root } });
    expect(run.stderr).toMatch(/^batch 1 was not written: could not write src\/b\.ts: it belongs to another user \(uid 0\)/m);
    expect(run.status).toBe(1);
    expect(ownerOf(theirs)).toBe('0:0 644');
    expect(fs.readFileSync(theirs, 'utf8')).toBe(USE);
    expect(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(USE);
  });

  it(isRoot ? 'runs as root here' : 'is skipped: these tests need root to hand files to another user', () => {
    expect(typeof process.getuid).toBe('function');
  });
});
