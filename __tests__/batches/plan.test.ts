import * as path from 'node:path';
import { BatchPlanError, planBatches } from '../../src/batches/plan';
import { parseCodeowners } from '../../src/batches/codeowners';

const files = ['src/b.ts', 'src/agents/x.ts', 'a.ts', 'src/agents/y.ts', 'lib/z.ts', 'src/a.ts', 'src/agents/w.ts'];

describe('planBatches', () => {
  it('puts every file, sorted, in one batch by default', () => {
    expect(planBatches(files, { by: 'files' })).toEqual([
      {
        index: 1,
        label: 'files 1-7',
        files: ['a.ts', 'lib/z.ts', 'src/a.ts', 'src/agents/w.ts', 'src/agents/x.ts', 'src/agents/y.ts', 'src/b.ts'],
      },
    ]);
  });

  it('chunks by file count with 1-based labels', () => {
    const batches = planBatches(files, { by: 'files', size: 3 });
    expect(batches.map((batch) => [batch.index, batch.label, batch.files.length])).toEqual([
      [1, 'files 1-3', 3],
      [2, 'files 4-6', 3],
      [3, 'file 7', 1],
    ]);
    expect(batches.flatMap((batch) => batch.files)).toEqual([...files].sort());
  });

  it('is deterministic whatever the input order, and ignores duplicates and this platform\'s separators', () => {
    const shuffled = [...files].reverse();
    expect(planBatches(shuffled, { by: 'files', size: 2 })).toEqual(planBatches(files, { by: 'files', size: 2 }));
    expect(planBatches(['src/a.ts', 'src/a.ts'], { by: 'files' })[0].files).toEqual(['src/a.ts']);
    // A backslash separates folders on Windows only; elsewhere `src\a.ts` is a file of its own, kept as named.
    const backslashed = planBatches(['src\\a.ts', 'src/a.ts'], { by: 'files' })[0].files;
    expect(backslashed).toEqual(path.sep === '\\' ? ['src/a.ts'] : ['src/a.ts', 'src\\a.ts']);
  });

  it('groups by directory, groups ordered by label, then chunks a large group', () => {
    expect(planBatches(files, { by: 'directory' }).map((batch) => [batch.label, batch.files])).toEqual([
      ['(root)', ['a.ts']],
      ['lib', ['lib/z.ts']],
      ['src', ['src/a.ts', 'src/b.ts']],
      ['src/agents', ['src/agents/w.ts', 'src/agents/x.ts', 'src/agents/y.ts']],
    ]);
    const chunked = planBatches(files, { by: 'directory', size: 2 });
    expect(chunked.map((batch) => batch.label)).toEqual([
      '(root)',
      'lib',
      'src',
      'src/agents (files 1-2 of 3)',
      'src/agents (file 3 of 3)',
    ]);
    expect(chunked.map((batch) => batch.index)).toEqual([1, 2, 3, 4, 5]);
  });

  it('groups by code owner, the last matching CODEOWNERS line deciding', () => {
    const codeowners = parseCodeowners('* @platform\n/src/agents/ @team-engine\n/lib/\n');
    const batches = planBatches(files, { by: 'codeowners', codeowners });
    expect(batches.map((batch) => [batch.label, batch.files])).toEqual([
      ['(unowned)', ['lib/z.ts']],
      ['@platform', ['a.ts', 'src/a.ts', 'src/b.ts']],
      ['@team-engine', ['src/agents/w.ts', 'src/agents/x.ts', 'src/agents/y.ts']],
    ]);
    expect(planBatches(files, { by: 'codeowners', codeowners, size: 2 }).map((batch) => batch.label)).toEqual([
      '(unowned)',
      '@platform (files 1-2 of 3)',
      '@platform (file 3 of 3)',
      '@team-engine (files 1-2 of 3)',
      '@team-engine (file 3 of 3)',
    ]);
  });

  it('refuses code-owner batching without a CODEOWNERS file, and a bad size', () => {
    expect(() => planBatches(files, { by: 'codeowners', codeowners: null })).toThrow(BatchPlanError);
    expect(() => planBatches(files, { by: 'codeowners' })).toThrow(/CODEOWNERS/);
    expect(() => planBatches(files, { by: 'files', size: 0 })).toThrow(/positive whole number/);
    expect(() => planBatches(files, { by: 'files', size: 1.5 })).toThrow(BatchPlanError);
  });

  it('groups by the first N folders with a depth, a shallower file by its own folder', () => {
    expect(planBatches(files, { by: 'directory', depth: 1 }).map((batch) => [batch.label, batch.files])).toEqual([
      ['(root)', ['a.ts']],
      ['lib', ['lib/z.ts']],
      ['src', ['src/a.ts', 'src/agents/w.ts', 'src/agents/x.ts', 'src/agents/y.ts', 'src/b.ts']],
    ]);
    expect(planBatches(files, { by: 'directory', depth: 2 }).map((batch) => batch.label)).toEqual(['(root)', 'lib', 'src', 'src/agents']);
    expect(() => planBatches(files, { by: 'directory', depth: 0 })).toThrow(/--depth 0: expected a positive whole number/);
  });

  it('groups by package, as the caller finds each file\'s package; the root package is (root)', () => {
    const packageOf = (file: string) => (file.startsWith('src/agents/') ? 'src/agents' : '.');
    expect(planBatches(files, { by: 'package', packageOf }).map((batch) => [batch.label, batch.files])).toEqual([
      ['(root)', ['a.ts', 'lib/z.ts', 'src/a.ts', 'src/b.ts']],
      ['src/agents', ['src/agents/w.ts', 'src/agents/x.ts', 'src/agents/y.ts']],
    ]);
    expect(() => planBatches(files, { by: 'package' })).toThrow(BatchPlanError);
  });

  it('plans nothing for no files', () => {
    expect(planBatches([], { by: 'files', size: 10 })).toEqual([]);
    expect(planBatches([], { by: 'directory' })).toEqual([]);
  });
});
