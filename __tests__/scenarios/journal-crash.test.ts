/**
 * The promise that matters most: a batch killed with SIGKILL half way is undone by `recoverJournal`.
 * The batch runs in a real child `node` process, from the journal modules transpiled to plain CommonJS
 * (so this test depends neither on a build nor on the rest of the tree compiling).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { acquireLock, journalPath, LockHeldError, recoverJournal as recoverUnderLock, RecoveryConflictError } from '../../src/batches/journal';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

const FILE_COUNT = 40;
const PAUSE_AFTER = 17;

let libDir: string;

beforeAll(() => {
  libDir = makeTempDir('ssot-journal-lib-');
  // The journal and every module of ours it requires at run time, each at its place under src/.
  const src = path.join(__dirname, '..', '..', 'src');
  const pending = ['batches/journal'];
  const transpiled = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (transpiled.has(name)) continue;
    transpiled.add(name);
    const source = fs.readFileSync(path.join(src, `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    for (const [, specifier] of outputText.matchAll(/require\("(\.\.?\/[^"]+)"\)/g)) {
      pending.push(path.posix.join(path.posix.dirname(name), specifier));
    }
    fs.mkdirSync(path.join(libDir, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(libDir, `${name}.js`), outputText);
  }
  fs.writeFileSync(
    path.join(libDir, 'child.js'),
    `
const fs = require('node:fs');
const { acquireLock, applyBatchAtomically } = require('./batches/journal.js');
const [root, pauseAfter] = [process.argv[2], Number(process.argv[3])];
const writes = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
const lock = acquireLock(root);
process.stdout.write('started\\n');
applyBatchAtomically(lock, writes, {
  label: 'batch 3: src/agents',
  onFileWritten: async (_file, written) => {
    if (written === pauseAfter) {
      process.stdout.write('paused\\n');
      await new Promise((resolve) => setTimeout(resolve, 60000));
    }
  },
}).then(() => process.stdout.write('done\\n'));
`,
  );
});

afterAll(removeTempDirs);

/** Recovery as every command runs it: under the tree's lock, released at the end. */
function recoverJournal(root: string, options: { force?: boolean } = {}): ReturnType<typeof recoverUnderLock> {
  const lock = acquireLock(root, options);
  try {
    return recoverUnderLock(lock, options);
  } finally {
    lock.release();
  }
}

interface Tree {
  root: string;
  originals: Map<string, { bytes: Buffer; mode: number } | null>;
  writes: { path: string; before: string | null; after: string }[];
}

function makeTree(count = FILE_COUNT): Tree {
  const root = makeTempDir();
  const originals: Tree['originals'] = new Map();
  const writes: Tree['writes'] = [];
  for (let i = 0; i < count; i++) {
    const name = `src/m${String(i).padStart(3, '0')}/file.ts`;
    const file = path.join(root, name);
    // A spread of line endings, BOMs, missing final newlines, and modes.
    const eol = i % 3 === 0 ? '\r\n' : '\n';
    const before = `${i % 4 === 0 ? '\uFEFF' : ''}import { X } from '../legacy';${eol}export const n${i} = ${i};${i % 5 ? eol : ''}`;
    writeFiles(root, { [name]: before });
    const mode = [0o644, 0o755, 0o600][i % 3];
    fs.chmodSync(file, mode);
    originals.set(file, { bytes: fs.readFileSync(file), mode });
    writes.push({ path: file, before, after: before.replace('legacy', 'canonical') + '// migrated\n' });
  }
  // A file the batch creates, written early so that it exists when the batch is killed.
  const created = path.join(root, 'src/m000/created.ts');
  originals.set(created, null);
  writes.splice(1, 0, { path: created, before: null, after: 'export {};\n' });
  return { root, originals, writes };
}

function startBatch(tree: Tree, pauseAfter: number): ChildProcess & { waitFor(line: string): Promise<void> } {
  const writesFile = path.join(libDir, `${path.basename(tree.root)}.writes.json`);
  fs.writeFileSync(writesFile, JSON.stringify(tree.writes));
  const child = spawn(process.execPath, [path.join(libDir, 'child.js'), tree.root, String(pauseAfter), writesFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  const waiters = new Map<string, () => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (const [line, resolve] of waiters) if (buffer.includes(`${line}\n`)) resolve();
  });
  const waitFor = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (buffer.includes(`${line}\n`)) return resolve();
      waiters.set(line, resolve);
      child.on('exit', () => (buffer.includes(`${line}\n`) ? resolve() : reject(new Error(`child exited before "${line}"`))));
    });
  return Object.assign(child, { waitFor });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function expectOriginals(tree: Tree): void {
  for (const [file, original] of tree.originals) {
    if (original === null) {
      expect({ file, exists: fs.existsSync(file) }).toEqual({ file, exists: false });
      continue;
    }
    expect({ file, hex: fs.readFileSync(file).toString('hex'), mode: fs.statSync(file).mode & 0o7777 }).toEqual({
      file,
      hex: original.bytes.toString('hex'),
      mode: original.mode,
    });
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

function writtenCount(tree: Tree): number {
  return tree.writes.filter((write) => fs.existsSync(write.path) && fs.readFileSync(write.path, 'utf8') === write.after).length;
}

function leftovers(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.tmp')) found.push(path.join(dir, entry.name));
    }
  };
  walk(path.join(root, 'src'));
  return found;
}

describe('a batch killed with SIGKILL', () => {
  it('is restored byte for byte, modes included, by recoverJournal; the journal goes and the lock is free', async () => {
    const tree = makeTree();
    const child = startBatch(tree, PAUSE_AFTER);
    await child.waitFor('paused');
    await kill(child);

    expect(writtenCount(tree)).toBe(PAUSE_AFTER);
    expect(fs.existsSync(journalPath(tree.root))).toBe(true);

    const result = recoverJournal(tree.root);
    expect(result).toEqual({
      label: 'batch 3: src/agents',
      pid: child.pid,
      restored: tree.writes.slice(0, PAUSE_AFTER).map((write) => path.relative(tree.root, write.path)),
    });
    expectOriginals(tree);
    expect(fs.existsSync(journalPath(tree.root))).toBe(false);
    // Recovery held the lock (taking over the dead run's) and let it go: no dead run's lock is left behind.
    expect(fs.readdirSync(path.join(tree.root, '.ssot-codemod')).sort()).toEqual(['.gitignore']);
    expect(leftovers(tree.root)).toEqual([]);

    // The dead run's lock is stale: the next run takes it over.
    const lock = acquireLock(tree.root);
    expect(fs.readFileSync(lock.file, 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
  });

  it('can be recovered twice: a recovery that died before removing the journal is simply redone', async () => {
    const tree = makeTree(10);
    const child = startBatch(tree, 6);
    await child.waitFor('paused');
    await kill(child);
    const saved = `${journalPath(tree.root)}.saved`;
    fs.cpSync(journalPath(tree.root), saved, { recursive: true });

    expect(recoverJournal(tree.root)?.restored).toHaveLength(6);
    fs.renameSync(saved, journalPath(tree.root));
    expect(recoverJournal(tree.root)?.restored).toEqual([]);
    expectOriginals(tree);
    expect(recoverJournal(tree.root)).toBeNull();
  });

  it('does not overwrite edits made after the crash unless forced', async () => {
    const tree = makeTree(10);
    const child = startBatch(tree, 4);
    await child.waitFor('paused');
    await kill(child);
    const edited = tree.writes[2].path;
    fs.writeFileSync(edited, 'edited by hand after the crash\n');

    const error = (() => {
      try {
        recoverJournal(tree.root);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RecoveryConflictError);
    expect((error as Error).message).toContain(path.relative(tree.root, edited));
    expect(fs.readFileSync(edited, 'utf8')).toBe('edited by hand after the crash\n');
    expect(fs.existsSync(journalPath(tree.root))).toBe(true);

    recoverJournal(tree.root, { force: true });
    expectOriginals(tree);
  });

  it('is not recovered from under a run that is still alive', async () => {
    const tree = makeTree(6);
    const child = startBatch(tree, 3);
    await child.waitFor('paused');
    try {
      expect(() => recoverJournal(tree.root)).toThrow(LockHeldError);
      expect(() => acquireLock(tree.root)).toThrow(`pid ${child.pid}`);
      expect(writtenCount(tree)).toBe(3);
    } finally {
      await kill(child);
    }
    recoverJournal(tree.root);
    expectOriginals(tree);
  });

  it('leaves, whenever it is killed, either the originals or a journal that restores them', async () => {
    // Killed while the journal is drafted, then at growing delays after it appears (mid-batch and beyond).
    const killPoints: (number | 'before-journal')[] = ['before-journal', 0, 1, 2, 4, 8, 16, 32];
    const seen = { journal: 0, partlyWritten: 0 };
    for (const point of killPoints) {
      const tree = makeTree(120);
      const child = startBatch(tree, -1);
      await child.waitFor('started');
      if (point !== 'before-journal') {
        await until(() => fs.existsSync(journalPath(tree.root)) || child.exitCode !== null);
        await new Promise((resolve) => setTimeout(resolve, point));
      }
      await kill(child);
      const written = writtenCount(tree);
      if (fs.existsSync(journalPath(tree.root))) {
        seen.journal++;
        if (written > 0 && written < tree.writes.length) seen.partlyWritten++;
        recoverJournal(tree.root);
        expectOriginals(tree);
      } else {
        // Killed before the journal was published (nothing written) or after the batch completed.
        expect([0, tree.writes.length]).toContain(written);
        if (written === 0) expectOriginals(tree);
      }
      expect(recoverJournal(tree.root)).toBeNull();
      expect(fs.readdirSync(path.join(tree.root, '.ssot-codemod')).filter((name) => name.startsWith('journal'))).toEqual([]);
      expect(leftovers(tree.root)).toEqual([]);
    }
    expect(seen.journal).toBeGreaterThan(0);
    expect(seen.partlyWritten).toBeGreaterThan(0);
  }, 60_000);
});

it('the child script really runs a whole batch when left alone', () => {
  const tree = makeTree(5);
  const writesFile = path.join(libDir, `${path.basename(tree.root)}.all.json`);
  fs.writeFileSync(writesFile, JSON.stringify(tree.writes));
  const run = spawnSync(process.execPath, [path.join(libDir, 'child.js'), tree.root, '-1', writesFile], { encoding: 'utf8' });
  expect(run.stdout).toBe('started\ndone\n');
  expect(writtenCount(tree)).toBe(tree.writes.length);
});
