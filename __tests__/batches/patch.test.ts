import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchComment, colorizePatch, formatPatch, type FileChange } from '../../src/batches/patch';
import type { Batch } from '../../src/batches/plan';
import { git, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { applyEdits } from '../../src/shared/splice';

afterAll(removeTempDirs);

const manyLines = Array.from({ length: 80 }, (_, i) => `export const value${i} = ${i};`);

const CHANGES: FileChange[] = [
  {
    path: 'src/plain.ts',
    before: "import { A } from './legacy';\nconst a = new A();\n",
    after: "import { A } from './canonical';\nconst a = new A();\n",
  },
  {
    path: 'src/crlf.ts',
    before: "// header\r\nimport { A } from './legacy';\r\nexport { A };\r\n",
    after: "// header\r\nimport { A } from './canonical';\r\nexport { A };\r\n",
  },
  {
    path: 'src/bom.ts',
    before: "\uFEFFimport { A } from './legacy';\nexport { A };\n",
    after: "\uFEFFimport { A } from './canonical';\nexport { A };\n",
  },
  {
    path: 'src/no-eol-both.ts',
    before: "export * from './legacy'",
    after: "export * from './canonical'",
  },
  {
    path: 'src/eol-added.ts',
    before: "export * from './legacy'",
    after: "export * from './canonical'\n",
  },
  {
    path: 'src/eol-removed.ts',
    before: "line one\nexport * from './legacy'\n",
    after: "line one\nexport * from './canonical'",
  },
  {
    path: 'src/mixed-endings.ts',
    before: "a\r\nb\nimport x from './legacy';\r\nc\n",
    after: "a\r\nb\nimport x from './canonical';\nc\r\n",
  },
  {
    path: 'src/many.ts',
    before: manyLines.join('\n') + '\n',
    after: manyLines.map((line, i) => (i % 9 === 0 ? line.replace('value', 'renamed') : line)).join('\n') + '\n',
  },
  { path: 'src/dir with space/é.ts', before: "import './legacy';\n", after: "import './canonical';\n" },
  { path: 'app/[id]/page.tsx', before: "import './legacy';\n", after: "import './canonical';\n" },
  { path: 'src/unchanged.ts', before: 'same\n', after: 'same\n' },
];

function repoWith(changes: FileChange[]): string {
  const repo = makeTempRepo();
  for (const change of changes) if (change.before !== null) writeFiles(repo, { [change.path]: change.before });
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'before');
  return repo;
}

function gitApply(repo: string, patch: string, ...args: string[]): void {
  const patchFile = path.join(repo, '.git', 'ssot-test.patch');
  fs.writeFileSync(patchFile, patch);
  execFileSync('git', ['apply', '--whitespace=nowarn', ...args, patchFile], { cwd: repo, stdio: 'pipe' });
}

function expectFilesAreAfter(repo: string, changes: FileChange[]): void {
  for (const change of changes) {
    const actual = fs.readFileSync(path.join(repo, change.path));
    expect({ path: change.path, bytes: actual.toString('hex') }).toEqual({
      path: change.path,
      bytes: Buffer.from(change.after, 'utf8').toString('hex'),
    });
  }
}

describe('formatPatch', () => {
  it('is a git-style diff that git apply turns into exactly the new bytes', () => {
    const repo = repoWith(CHANGES);
    const patch = formatPatch(CHANGES);
    gitApply(repo, patch, '--check');
    gitApply(repo, patch);
    expectFilesAreAfter(repo, CHANGES);
  });

  it('writes git headers, 3 lines of context and no-newline markers', () => {
    const patch = formatPatch(CHANGES);
    expect(patch).toContain("diff --git a/src/plain.ts b/src/plain.ts\n--- a/src/plain.ts\n+++ b/src/plain.ts\n");
    expect(patch).toContain("@@ -1,1 +1,1 @@\n-export * from './legacy'\n\\ No newline at end of file\n+export * from './canonical'\n\\ No newline at end of file\n");
    expect(patch).toContain("-import { A } from './legacy';\r\n+import { A } from './canonical';\r\n");
    expect(patch).toContain("+\uFEFFimport { A } from './canonical';\n");
    expect(patch).not.toContain('src/unchanged.ts');
    const manyHunks = patch.slice(patch.indexOf('a/src/many.ts')).split('\ndiff --git')[0];
    expect(manyHunks.match(/^@@ /gm)).toHaveLength(9);
    expect(manyHunks).toContain('@@ -7,7 +7,7 @@\n export const value6 = 6;\n');
  });

  it('creates a file that does not exist yet', () => {
    const repo = makeTempRepo();
    const changes: FileChange[] = [{ path: 'src/new.ts', before: null, after: "export * from './canonical';\r\n" }];
    const patch = formatPatch(changes);
    expect(patch).toContain('new file mode 100644\n--- /dev/null\n+++ b/src/new.ts\n');
    gitApply(repo, patch);
    expectFilesAreAfter(repo, changes);
  });

  it('is empty when nothing changed', () => {
    expect(formatPatch([{ path: 'a.ts', before: 'x\n', after: 'x\n' }])).toBe('');
  });
});

describe('batchComment', () => {
  const batches: Batch[] = [
    { index: 1, label: 'src', files: ['src/plain.ts', 'src/crlf.ts', 'src/bom.ts', 'src/no-eol-both.ts'] },
    { index: 2, label: '@team-engine', files: ['src/many.ts'] },
  ];

  it('names the batch on one line', () => {
    expect(batchComment(batches[0], 'consolidated-paths: 3')).toBe(
      '# ssot-codemod batch 1: src (4 files) - consolidated-paths: 3\n',
    );
    expect(batchComment(batches[1], 'line\nbreak')).toBe('# ssot-codemod batch 2: @team-engine (1 file) - line break\n');
  });

  it('is ignored by git apply, between and before file sections', () => {
    const changes = CHANGES.filter((change) => batches.some((batch) => batch.files.includes(change.path)));
    const patch = batches
      .map((batch) => batchComment(batch, 'aliased-imports: 1') + formatPatch(changes.filter((c) => batch.files.includes(c.path))))
      .join('');
    // Batch 1 ends with a no-newline marker, right before batch 2's comment.
    expect(patch).toContain('\\ No newline at end of file\n# ssot-codemod batch 2');
    expect(patch.startsWith('# ssot-codemod batch 1')).toBe(true);
    const repo = repoWith(changes);
    gitApply(repo, patch);
    expectFilesAreAfter(repo, changes);
    expect(git(repo, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual(
      changes.map((change) => ` M ${change.path}`).sort(),
    );
  });
});

describe('colorizePatch', () => {
  it('colours additions, removals and hunk headers, keeping a CRLF line’s \\r last', () => {
    const coloured = colorizePatch(formatPatch(CHANGES.slice(0, 2)));
    expect(coloured).toContain("\x1b[31m-import { A } from './legacy';\x1b[0m\n");
    expect(coloured).toContain("\x1b[32m+import { A } from './canonical';\x1b[0m\n");
    expect(coloured).toContain("\x1b[32m+import { A } from './canonical';\x1b[0m\r\n");
    expect(coloured).toMatch(/\x1b\[36m@@ -1,3 \+1,3 @@\x1b\[0m/);
    expect(coloured).toContain('\x1b[1mdiff --git a/src/crlf.ts b/src/crlf.ts\x1b[0m');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(formatPatch(CHANGES.slice(0, 2)));
  });
});

describe('formatPatch from the edits that made the change', () => {
  /** The edits between two texts as one replacement of what differs (a common prefix and suffix kept). */
  function editsBetween(before: string, after: string): { start: number; end: number; text: string }[] {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let tail = 0;
    while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    return [{ start, end: before.length - tail, text: after.slice(start, after.length - tail) }];
  }

  it('is the same patch jsdiff makes, for edits that change whole lines or parts of them, CRLF, BOM and missing newlines included', () => {
    const withEdits = CHANGES.map((change) => ({ ...change, edits: editsBetween(change.before!, change.after) }));
    const repo = repoWith(CHANGES);
    gitApply(repo, formatPatch(withEdits));
    expectFilesAreAfter(repo, CHANGES);
    // Where an edit is a line's own change, the hunks are jsdiff's, line for line.
    const many = withEdits.find((c) => c.path === 'src/many.ts')!;
    const lineEdits = manyLines.flatMap((line, i) => {
      if (i % 9 !== 0) return [];
      const start = manyLines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
      return [{ start, end: start + line.length, text: line.replace('value', 'renamed') }];
    });
    expect(formatPatch([{ ...many, edits: lineEdits }])).toBe(formatPatch([{ ...many, edits: undefined }]));
  });

  it('inserts lines, removes them, and creates a file', () => {
    const before = 'one\ntwo\nthree\n';
    const changes: FileChange[] = [
      { path: 'insert.ts', before, after: 'zero\none\ntwo\nthree\nfour\n', edits: [{ start: 0, end: 0, text: 'zero\n' }, { start: before.length, end: before.length, text: 'four\n' }] },
      { path: 'remove.ts', before, after: 'one\nthree', edits: [{ start: 4, end: 8, text: '' }, { start: 13, end: 14, text: '' }] },
      { path: 'crlf-bom.ts', before: '\uFEFFa\r\nb\r\n', after: '\uFEFFa\r\nB\r\nc', edits: [{ start: 4, end: 5, text: 'B' }, { start: 7, end: 7, text: 'c' }] },
    ];
    const repo = repoWith(changes);
    gitApply(repo, formatPatch(changes));
    expectFilesAreAfter(repo, changes);
    const created = makeTempRepo();
    const create: FileChange[] = [{ path: 'src/new.ts', before: null, after: 'a\r\nb', edits: [{ start: 0, end: 0, text: 'a\r\nb' }] }];
    gitApply(created, formatPatch(create));
    expectFilesAreAfter(created, create);
  });

  it('gives exactly the edited text for 300 seeded random files and edits (line endings, BOM, last newline, empty lines)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { mulberry32 } = require('../../bench/generate.js') as { mulberry32: (seed: number) => () => number };
    const rng = mulberry32(12);
    const pick = <T,>(items: T[]): T => items[Math.floor(rng() * items.length)];
    const pieces = ['a', 'bb', 'import x;', '', ' ', '\t', '\uFEFF', 'é'];
    const changes: FileChange[] = [];
    for (let n = 0; n < 300; n++) {
      const eol = pick(['\n', '\r\n', 'mixed']);
      const lineCount = Math.floor(rng() * 30);
      let before = '';
      for (let l = 0; l < lineCount; l++) before += pick(pieces) + pick(pieces) + (eol === 'mixed' ? pick(['\n', '\r\n']) : eol);
      if (rng() < 0.3) before = before.replace(/\r?\n$/, '');
      const edits: { start: number; end: number; text: string }[] = [];
      for (let at = 0; at <= before.length; ) {
        at += Math.floor(rng() * 40);
        if (at > before.length) break;
        const end = Math.min(before.length, at + Math.floor(rng() * 6));
        edits.push({ start: at, end, text: pick(['', 'X', '\n', 'new\n', 'a\r\nb', '\n\n']) });
        at = end + 1;
      }
      changes.push({ path: `f${n}.txt`, before, after: applyEdits(before, edits), edits });
    }
    const repo = repoWith(changes);
    gitApply(repo, formatPatch(changes));
    expectFilesAreAfter(repo, changes);
  });

  it('takes time in proportion to the file: 40,000 edits in a 2 MB file in well under a second', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `export const engine${i} = new Legacy(${'x'.repeat(i % 20)});`);
    const before = `import { Legacy } from './legacy';\n${lines.join('\n')}\n`;
    const edits: { start: number; end: number; text: string }[] = [];
    for (let at = before.indexOf('new Legacy('); at !== -1; at = before.indexOf('new Legacy(', at + 1)) edits.push({ start: at, end: at + 'new Legacy'.length, text: 'createEngine' });
    const after = applyEdits(before, edits);
    expect(edits).toHaveLength(40_000);
    expect(before.length).toBeGreaterThan(1.9 * 1024 * 1024);
    const started = Date.now();
    const patch = formatPatch([{ path: 'src/big.ts', before, after, edits }]);
    expect(Date.now() - started).toBeLessThan(1_000);
    const repo = repoWith([{ path: 'src/big.ts', before, after }]);
    gitApply(repo, patch);
    expect(fs.readFileSync(path.join(repo, 'src/big.ts'), 'utf8')).toBe(after);
  }, 20_000);
});
