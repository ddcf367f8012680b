import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  acquireLock,
  applyBatchAtomically,
  journalPath,
  JournalPresentError,
  LockHeldError,
  OutsideRootError,
  recoverJournal,
  StaleFileError,
  WriteFailedError,
  type BatchWrite,
  type Lock,
} from '../../src/batches/journal';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

/** Writing needs the tree's lock; each test's tree gets one, held by this process. */
const locks = new Map<string, Lock>();
function lockOf(root: string): Lock {
  let lock = locks.get(root);
  if (!lock) locks.set(root, (lock = acquireLock(root)));
  return lock;
}

afterAll(() => {
  for (const lock of locks.values()) lock.release();
  removeTempDirs();
});

interface Tree {
  root: string;
  writes: BatchWrite[];
}

/** Five files with a CRLF one, a BOM, no final newline, an executable and a private mode. */
function makeTree(): Tree {
  const root = makeTempDir();
  const originals: Record<string, string> = {
    'src/a.ts': "import { A } from './legacy';\n",
    'src/crlf.ts': "import { B } from './legacy';\r\nexport { B };\r\n",
    'src/bom.ts': "\uFEFFimport './legacy';\n",
    'lib/tool.js': "#!/usr/bin/env node\nrequire('./legacy')",
    'lib/secret.ts': "export * from './legacy';\n",
  };
  writeFiles(root, originals);
  fs.chmodSync(path.join(root, 'lib/tool.js'), 0o755);
  fs.chmodSync(path.join(root, 'lib/secret.ts'), 0o600);
  const writes = Object.entries(originals).map(([name, before]) => ({
    path: path.join(root, name),
    before,
    after: before.replace('legacy', 'canonical'),
  }));
  return { root, writes };
}

function snapshot(root: string): Record<string, { hex: string; mode: number }> {
  const result: Record<string, { hex: string; mode: number }> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === '.ssot-codemod') continue;
      if (entry.isDirectory()) walk(full);
      else result[path.relative(root, full)] = { hex: fs.readFileSync(full).toString('hex'), mode: fs.statSync(full).mode & 0o7777 };
    }
  };
  walk(root);
  return result;
}

const passing = () => ({ ok: true, output: 'all good' });

describe('applyBatchAtomically', () => {
  it('writes every file, keeps modes, and removes its journal', async () => {
    const { root, writes } = makeTree();
    const result = await applyBatchAtomically(lockOf(root), writes, { label: 'batch 1', verify: passing });
    expect(result).toEqual({ status: 'written', verifyOutput: 'all good' });
    for (const write of writes) expect(fs.readFileSync(write.path, 'utf8')).toBe(write.after);
    expect(fs.statSync(path.join(root, 'lib/tool.js')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(root, 'lib/secret.ts')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(journalPath(root))).toBe(false);
    expect(fs.readFileSync(path.join(root, '.ssot-codemod/.gitignore'), 'utf8')).toBe('*\n');
    expect(fs.readdirSync(path.join(root, 'src')).sort()).toEqual(['a.ts', 'bom.ts', 'crlf.ts']);
  });

  it('creates a file that did not exist', async () => {
    const { root } = makeTree();
    const file = path.join(root, 'src/new.ts');
    await applyBatchAtomically(lockOf(root), [{ path: file, before: null, after: 'export {};\n' }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('export {};\n');
  });

  it('refuses a file that changed since planning, naming it, and writes nothing', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    fs.appendFileSync(writes[3].path, '// edited meanwhile\n');
    const edited = snapshot(root);
    const attempt = applyBatchAtomically(lockOf(root), writes);
    await expect(attempt).rejects.toThrow(StaleFileError);
    await expect(applyBatchAtomically(lockOf(root), writes)).rejects.toThrow(`${path.relative(root, writes[3].path)} changed since the batch was planned`);
    expect(snapshot(root)).toEqual(edited);
    expect(snapshot(root)).not.toEqual(before);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('treats a planned-new file that appeared meanwhile as stale', async () => {
    const { root } = makeTree();
    writeFiles(root, { 'src/new.ts': 'someone else\n' });
    await expect(applyBatchAtomically(lockOf(root), [{ path: path.join(root, 'src/new.ts'), before: null, after: 'x' }])).rejects.toThrow(
      StaleFileError,
    );
  });

  it('rolls back byte for byte, modes included, when verify fails', async () => {
    const { root, writes } = makeTree();
    const created = path.join(root, 'src/created.ts');
    const before = snapshot(root);
    let seenByVerify = '';
    const result = await applyBatchAtomically(lockOf(root), [...writes, { path: created, before: null, after: 'new\n' }], {
      verify: () => {
        seenByVerify = fs.readFileSync(writes[1].path, 'utf8');
        // A verify command that changes a written file's mode is undone too. (One that changes its content is
        // not: the change is kept and named, as anybody's edit made meanwhile; see the test after next.)
        fs.chmodSync(writes[0].path, 0o700);
        return { ok: false, output: '1 test failed' };
      },
    });
    expect(result).toEqual({ status: 'rolled-back', verifyOutput: '1 test failed' });
    expect(seenByVerify).toBe(writes[1].after);
    expect(snapshot(root)).toEqual(before);
    expect(fs.existsSync(created)).toBe(false);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('rolls back and rethrows when verify itself throws', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    await expect(
      applyBatchAtomically(lockOf(root), writes, {
        verify: async () => {
          throw new Error('verify crashed');
        },
      }),
    ).rejects.toThrow('verify crashed');
    expect(snapshot(root)).toEqual(before);
  });

  it('restores the files already written when a later file is read-only', async () => {
    const { root, writes } = makeTree();
    fs.chmodSync(writes[3].path, 0o444);
    const before = snapshot(root);
    const written: string[] = [];
    const attempt = applyBatchAtomically(lockOf(root), writes, { onFileWritten: (file) => void written.push(file) });
    await expect(attempt).rejects.toThrow(WriteFailedError);
    await expect(applyBatchAtomically(lockOf(root), writes)).rejects.toThrow(/lib\/tool\.js: the file is read-only\. Every file of the batch was restored/);
    expect(written).toHaveLength(3);
    expect(snapshot(root)).toEqual(before);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('restores the files already written when a directory vanishes mid-batch, without recreating it', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    const error = await applyBatchAtomically(lockOf(root), writes, {
      onFileWritten: (_file, count) => {
        if (count === 2) fs.rmSync(path.join(root, 'lib'), { recursive: true });
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as WriteFailedError).message).toMatch(/lib\/tool\.js: its folder no longer exists/);
    const expected = Object.fromEntries(Object.entries(before).filter(([name]) => !name.startsWith('lib/')));
    expect(snapshot(root)).toEqual(expected);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('refuses to start while an interrupted batch awaits recovery', async () => {
    const { root, writes } = makeTree();
    fs.mkdirSync(journalPath(root), { recursive: true });
    await expect(applyBatchAtomically(lockOf(root), writes)).rejects.toThrow(JournalPresentError);
  });

  it('never writes outside the root, even through a link', async () => {
    const { root, writes } = makeTree();
    const outside = makeTempDir();
    writeFiles(outside, { 'target.ts': 'outside\n' });
    fs.symlinkSync(path.join(outside, 'target.ts'), path.join(root, 'src/link.ts'));
    await expect(
      applyBatchAtomically(lockOf(root), [...writes, { path: path.join(root, 'src/link.ts'), before: 'outside\n', after: 'x' }]),
    ).rejects.toThrow(OutsideRootError);
    expect(fs.readFileSync(path.join(outside, 'target.ts'), 'utf8')).toBe('outside\n');
    expect(fs.readFileSync(writes[0].path, 'utf8')).toBe(writes[0].before);
  });
});

describe('applyBatchAtomically with an abort signal (what a SIGINT or SIGTERM handler uses)', () => {
  it('stops at the next file and rolls back what it wrote; interrupted, not failed', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    const controller = new AbortController();
    const result = await applyBatchAtomically(lockOf(root), writes, {
      signal: controller.signal,
      onFileWritten: (_file, count) => {
        if (count === 2) controller.abort();
      },
    });
    expect(result).toEqual({ status: 'rolled-back', interrupted: true });
    expect(snapshot(root)).toEqual(before);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('rolls back a batch whose verify was running when the signal came, even if verify passed', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    const controller = new AbortController();
    // The signal arrives while verify runs, and its handler gets to run once verify returns.
    const result = await applyBatchAtomically(lockOf(root), writes, {
      signal: controller.signal,
      verify: () => {
        setImmediate(() => controller.abort());
        return { ok: true, output: 'passed' };
      },
    });
    expect(result).toEqual({ status: 'rolled-back', interrupted: true, verifyOutput: 'passed' });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('a rollback after someone else changed a written file', () => {
  it('keeps that file as it is and names it; every other file is restored byte for byte', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    const result = await applyBatchAtomically(lockOf(root), writes, {
      verify: () => {
        fs.appendFileSync(writes[1].path, '// saved by the user meanwhile\r\n');
        return { ok: false, output: 'failed' };
      },
    });
    expect(result).toEqual({ status: 'rolled-back', verifyOutput: 'failed', kept: ['src/crlf.ts'] });
    const after = snapshot(root);
    expect(fs.readFileSync(writes[1].path, 'utf8')).toBe(`${writes[1].after}// saved by the user meanwhile\r\n`);
    delete after['src/crlf.ts'];
    delete before['src/crlf.ts'];
    expect(after).toEqual(before);
  });
});

describe('a save that lands while a file of the batch is being replaced', () => {
  // The module itself, not this file's import of it (whose properties cannot be spied on).
  const nodeFs: typeof fs = require('node:fs');
  /** Just before the rename that replaces `file`, `save` runs: an editor writing into the file in place. */
  function saveBeforeRename(file: string, save: () => void): jest.SpyInstance {
    const rename = nodeFs.renameSync;
    let saved = false;
    return jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (!saved && path.basename(String(to)) === path.basename(file) && /\.ssot-codemod-\d+-\w+\.tmp$/.test(String(from))) {
        saved = true;
        save();
      }
      return rename(from, to);
    });
  }

  it('is put back and the batch refused, naming the file; every other file is restored', async () => {
    const { root, writes } = makeTree();
    const before = snapshot(root);
    const target = writes[2].path;
    const spy = saveBeforeRename(target, () => fs.appendFileSync(target, '// saved by the user\n'));
    try {
      await expect(applyBatchAtomically(lockOf(root), writes)).rejects.toThrow(
        `could not write ${path.relative(root, target)}: it changed since the batch was planned`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe(`${writes[2].before}// saved by the user\n`);
    const after = snapshot(root);
    expect(after[path.relative(root, target)].mode).toBe(before[path.relative(root, target)].mode);
    delete after[path.relative(root, target)];
    delete before[path.relative(root, target)];
    expect(after).toEqual(before);
    expect(fs.existsSync(journalPath(root))).toBe(false);
  });

  it('a file the batch creates, made by someone else meanwhile, is theirs', async () => {
    const { root } = makeTree();
    const file = path.join(root, 'src/new.ts');
    const link = nodeFs.linkSync;
    const spy = jest.spyOn(nodeFs, 'linkSync').mockImplementation((from, to) => {
      if (path.basename(String(to)) === 'new.ts') fs.writeFileSync(file, 'theirs\n');
      return link(from, to);
    });
    try {
      await expect(applyBatchAtomically(lockOf(root), [{ path: file, before: null, after: 'ours\n' }])).rejects.toThrow(WriteFailedError);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs\n');
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('recoverJournal', () => {
  it('returns null when there is nothing to recover', () => {
    expect(recoverJournal(lockOf(makeTempDir()))).toBeNull();
  });
});

describe('acquireLock', () => {
  it('holds the folder until released, naming the holder', () => {
    const root = makeTempDir();
    const lock = acquireLock(root);
    expect(fs.readFileSync(path.join(root, '.ssot-codemod/lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    const error = (() => {
      try {
        acquireLock(root);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as LockHeldError).pid).toBe(process.pid);
    expect((error as LockHeldError).message).toContain(`pid ${process.pid}`);
    lock.release();
    lock.release();
    expect(fs.existsSync(path.join(root, '.ssot-codemod/lock'))).toBe(false);
    acquireLock(root).release();
  });
});
