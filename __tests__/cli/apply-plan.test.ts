/**
 * `apply` as a value: planApply builds an ApplyPlan from a small temporary repository, renderPlan and
 * writePatchFiles show it, executePlan writes it. In-process, on the engine's main thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { BatchPlanError } from '../../src/batches/plan';
import { UsageError } from '../../src/cli/session';
import { planApply, scopeOf, type ApplyOptions, type ApplyPlan } from '../../src/cli/apply/plan';
import { renderBatch, renderPlan, writePatchFiles } from '../../src/cli/apply/render';
import { executePlan as executeLocked } from '../../src/cli/apply/execute';
import { acquireLock } from '../../src/batches/lock';
import { summarize, type BatchOutcome } from '../../src/cli/apply/summary';
import { git, makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';

const ALL = ['direct-instantiation', 'consolidated-paths', 'aliased-imports'];

/** Three files change (one with CRLF lines), one has a finding and stays, one does not parse, one is binary. */
const FILES: Record<string, string | Buffer> = {
  'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'OldEngine', from: 'src/old_engine' }] }] }),
  'src/engine.ts': 'export class Engine {}\n',
  'src/old_engine.ts': "export { Engine as OldEngine } from './engine';\nexport const helper = 1;\n",
  'src/a/one.ts': "import { OldEngine, helper } from '../old_engine';\nexport const one: OldEngine | null = helper ? null : null;\n",
  'src/a/two.ts': "import { Engine as E } from '../engine';\nexport type Two = E;\n",
  'src/b/three.ts': "import { OldEngine } from '../old_engine';\r\nexport type Three = OldEngine;\r\n",
  'src/b/plain.ts': 'export const plain = 1;\n',
  'src/b/conflict.ts': "import { Engine as E } from '../engine';\nconst Engine = 1;\nexport type C = E;\nexport { Engine };\n",
  'src/c/broken.ts': "import { OldEngine } from '../old_engine';\nconst = ;\n",
  'src/c/data.ts': Buffer.from([0x69, 0x00, 0x01]),
};
const CHANGED = ['src/a/one.ts', 'src/a/two.ts', 'src/b/three.ts'];

/** executePlan under the tree's lock, as runApply runs it. */
async function executePlan(p: ApplyPlan): ReturnType<typeof executeLocked> {
  const lock = acquireLock(p.root);
  try {
    return await executeLocked(p, lock);
  } finally {
    lock.release();
  }
}

function tinyRepo(): string {
  const root = makeTempRepo();
  writeFiles(root, FILES);
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'tiny');
  return root;
}

function optionsFor(root: string, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return { cwd: root, dryRun: false, batchBy: 'files', batchSize: 2, commit: false, workers: 0, ...extra };
}

function plan(root: string, extra: Partial<ApplyOptions> = {}): Promise<ApplyPlan> {
  const options = optionsFor(root, extra);
  return planApply(loadRegistry({ configPath: path.join(root, 'ssot.config.json') }), options, scopeOf(options));
}

const read = (root: string, file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

afterAll(removeTempDirs);

describe('planApply', () => {
  it('plans the changes in file order, one index by path, the batch plan with each batch\'s changes and counts, and the notes', async () => {
    const root = tinyRepo();
    const p = await plan(root);

    expect(p.root).toBe(root);
    expect(p.transforms).toEqual(ALL);
    expect(p.changes.map((c) => [c.relative, c.changedBy])).toEqual([
      ['src/a/one.ts', ['consolidated-paths', 'aliased-imports']],
      ['src/a/two.ts', ['aliased-imports']],
      ['src/b/three.ts', ['consolidated-paths', 'aliased-imports']],
    ]);
    for (const change of p.changes) {
      expect(change.file).toBe(path.join(root, change.relative));
      expect(p.byPath.get(change.relative)).toBe(change);
      expect(change.texts!.before).toBe(read(root, change.relative));
      expect(change.texts!.after).not.toBe(change.texts!.before);
      expect(change.diff.startsWith(`diff --git a/${change.relative} b/${change.relative}\n`)).toBe(true);
    }
    expect([...p.byPath.keys()]).toEqual(CHANGED);

    expect(p.allBatches).toEqual([
      { index: 1, label: 'files 1-2', files: ['src/a/one.ts', 'src/a/two.ts'] },
      { index: 2, label: 'file 3', files: ['src/b/three.ts'] },
    ]);
    expect(p.batches.map((b) => b.batch)).toEqual(p.allBatches);
    expect(p.batches[0].changes).toEqual([p.byPath.get('src/a/one.ts'), p.byPath.get('src/a/two.ts')]);
    expect(p.batches[0].changes[0]).toBe(p.changes[0]);
    expect(p.batches.map((b) => b.perTransform)).toEqual([
      { 'consolidated-paths': 1, 'aliased-imports': 2 },
      { 'consolidated-paths': 1, 'aliased-imports': 1 },
    ]);
    // Counted in file order, which is the order `--format json` prints them in.
    expect(Object.entries(p.perTransform)).toEqual([['consolidated-paths', 2], ['aliased-imports', 3]]);

    expect(p.files).toEqual({ scanned: 8, changed: 3, failed: 1, skipped: 1 });
    expect(p.findings.map((f) => [f.file, f.kind])).toEqual([['src/a/one.ts', 'unmapped-name'], ['src/b/conflict.ts', 'conflict']]);
    expect(p.errors.map((f) => [f.file, f.line, f.column, f.kind])).toEqual([['src/c/broken.ts', 2, 7, 'parse-error']]);
    expect(p.skipped).toEqual([{ file: 'src/c/data.ts', reason: expect.stringMatching(/binary/) }]);
  });

  it('selects batch K of the whole plan; the counts stay those of every change', async () => {
    const root = tinyRepo();
    const p = await plan(root, { batch: 2 });
    expect(p.allBatches).toHaveLength(2);
    expect(p.batches.map((b) => [b.batch.index, b.batch.files])).toEqual([[2, ['src/b/three.ts']]]);
    expect(p.changes.map((c) => c.relative)).toEqual(CHANGED);
    expect(p.perTransform).toEqual({ 'consolidated-paths': 2, 'aliased-imports': 3 });
    const summary = summarize(p, []);
    expect(summary.plannedBatches).toBe(2);
    expect(summary.batches.map((o) => [o.batch.index, o.status])).toEqual([[2, 'planned']]);

    await expect(plan(root, { batch: 3 })).rejects.toThrow(new UsageError('--batch 3: the plan has 2 batches'));
  });

  it('keeps only each change\'s diff in a dry run, the same diff a plan to write makes', async () => {
    const root = tinyRepo();
    const dry = await plan(root, { dryRun: true });
    const real = await plan(root);
    expect(dry.changes.map((c) => c.texts)).toEqual([undefined, undefined, undefined]);
    expect(dry.changes.map((c) => c.diff)).toEqual(real.changes.map((c) => c.diff));
    await expect(executePlan(dry)).rejects.toThrow(TypeError);
  });

  it('checks the batch size once, in the words of --batch-size, before looking for CODEOWNERS', async () => {
    const root = tinyRepo();
    const expected = new BatchPlanError('--batch-size 0: expected a positive whole number');
    await expect(plan(root, { batchSize: 0 })).rejects.toThrow(expected);
    await expect(plan(root, { batchSize: 0 })).rejects.toBeInstanceOf(BatchPlanError);
    await expect(plan(root, { batchSize: 0, batchBy: 'codeowners' })).rejects.toThrow(expected);
    await expect(plan(root, { batchSize: 1.5, batchBy: 'directory' })).rejects.toThrow(BatchPlanError);
    await expect(plan(root, { batchBy: 'codeowners' })).rejects.toThrow(UsageError);
  });
});

describe('renderPlan and writePatchFiles', () => {
  it('renders the plan as the concatenation of its batches, each its comment line and its files\' diffs', async () => {
    const root = tinyRepo();
    const p = await plan(root);
    const rendered = renderPlan(p);
    expect(rendered.batches).toEqual(p.batches.map((b) => renderBatch(p, b)));
    expect(rendered.patch).toBe(rendered.batches.join(''));
    expect(rendered.batches[0]).toBe(
      `# ssot-codemod batch 1: files 1-2 (2 files) - consolidated-paths, aliased-imports\n` + p.changes[0].diff + p.changes[1].diff,
    );

    // git apply of the patch gives exactly the texts the plan would write, CRLF included.
    const patchFile = path.join(makeTempDir(), 'plan.patch');
    fs.writeFileSync(patchFile, rendered.patch);
    git(root, 'apply', patchFile);
    for (const change of p.changes) expect(read(root, change.relative)).toBe(change.texts!.after);
  });

  it('writes --out and, per batch, batch-NNN.patch (its render) and batch-NNN.json (its planned outcome and findings), relative to cwd', async () => {
    const root = tinyRepo();
    const cwd = makeTempDir();
    const p = await plan(root, { dryRun: true, cwd, out: 'plan.patch', outDir: 'plan' });
    const rendered = renderPlan(p);
    writePatchFiles(p, rendered);

    expect(fs.readFileSync(path.join(cwd, 'plan.patch'), 'utf8')).toBe(rendered.patch);
    expect(fs.readdirSync(path.join(cwd, 'plan')).sort()).toEqual(['batch-001.json', 'batch-001.patch', 'batch-002.json', 'batch-002.patch']);
    expect(fs.readFileSync(path.join(cwd, 'plan', 'batch-002.patch'), 'utf8')).toBe(rendered.batches[1]);
    const first = fs.readFileSync(path.join(cwd, 'plan', 'batch-001.json'), 'utf8');
    expect(JSON.parse(first)).toEqual({
      batch: { batch: p.allBatches[0], status: 'planned', perTransform: { 'consolidated-paths': 1, 'aliased-imports': 2 } },
      findings: [p.findings[0]],
    });
    // The shape readers rely on, key order included.
    expect(first.startsWith('{\n  "batch": {\n    "batch": {\n      "index": 1,')).toBe(true);
    expect(Object.keys(JSON.parse(first).batch)).toEqual(['batch', 'status', 'perTransform']);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'plan', 'batch-002.json'), 'utf8')).findings).toEqual([]);
  });
});

describe('executePlan', () => {
  it('writes exactly the plan\'s after texts, batch by batch, one commit each', async () => {
    const root = tinyRepo();
    const seen: [number, string, number][] = [];
    const p = await plan(root, { commit: true, onBatch: (o, total) => seen.push([o.batch.index, o.status, total]) });
    // What is written comes from the plan, not from a second run of the engine.
    p.byPath.get('src/a/two.ts')!.texts!.after = '// as the plan says\n';

    const { outcomes, stoppedBy } = await executePlan(p);
    expect(stoppedBy).toBeUndefined();
    expect(outcomes.map((o) => [o.batch.index, o.status])).toEqual([[1, 'written'], [2, 'written']]);
    expect(seen).toEqual([[1, 'written', 2], [2, 'written', 2]]);
    for (const change of p.changes) expect(fs.readFileSync(change.file)).toEqual(Buffer.from(change.texts!.after));
    expect(read(root, 'src/a/two.ts')).toBe('// as the plan says\n');
    expect(read(root, 'src/b/plain.ts')).toBe(FILES['src/b/plain.ts']);

    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual(['ssot-codemod: batch 2/2 (file 3)', 'ssot-codemod: batch 1/2 (files 1-2)', 'tiny']);
    expect(outcomes[1].commit).toBe(git(root, 'rev-parse', 'HEAD').trim());
    expect(git(root, 'log', '-1', '--skip=1', '--format=%b')).toBe(
      `Transforms: consolidated-paths, aliased-imports\nFiles: 2 files (consolidated-paths: 1, aliased-imports: 2)\n\n` +
        '- src/a/one.ts\n- src/a/two.ts\n\n',
    );
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('stops once its signal is aborted: no batch starts after it (the batch in flight is rolled back by its journal)', async () => {
    const root = tinyRepo();
    const controller = new AbortController();
    const p = await plan(root, { signal: controller.signal, onBatch: (o) => o.batch.index === 1 && controller.abort() });
    const { outcomes, stoppedBy } = await executePlan(p);
    expect(stoppedBy).toBe('interrupted');
    expect(outcomes.map((o) => [o.batch.index, o.status])).toEqual([[1, 'written']]);
    for (const change of p.batches[1].changes) expect(fs.readFileSync(change.file, 'utf8')).toBe(change.texts!.before);
  });

  it('stops at the first batch whose verify fails; the batches after it stay planned in the summary', async () => {
    const root = tinyRepo();
    const p = await plan(root, { verify: 'echo no >&2; exit 3' });
    const { outcomes, stoppedBy } = await executePlan(p);
    expect(stoppedBy).toBe('verify');
    expect(outcomes.map((o) => [o.batch.index, o.status, o.verifyOutput])).toEqual([[1, 'rolled-back', 'no\n']]);
    for (const file of CHANGED) expect(read(root, file)).toBe(FILES[file]);

    const summary = summarize(p, outcomes);
    expect(summary.batches.map((o: BatchOutcome) => [o.batch.index, o.status])).toEqual([[1, 'rolled-back'], [2, 'planned']]);
    expect(Object.keys(summary)).toEqual(['dryRun', 'transforms', 'files', 'perTransform', 'findings', 'errors', 'skipped', 'batches', 'plannedBatches', 'progress']);
  });

  it('an abort while a batch\'s file is written rolls the batch back; no batch starts after an abort', async () => {
    const root = tinyRepo();
    const controller = new AbortController();
    const p = await plan(root, { signal: controller.signal, onBatch: () => undefined });
    // The abort lands between two writes of batch 1, as a signal would while the thread writes.
    const first = p.batches[0].changes[0];
    fs.watch(path.dirname(first.file), () => controller.abort('SIGINT')).unref();
    const { outcomes, stoppedBy } = await executePlan(p);
    expect(stoppedBy).toBe('interrupted');
    expect(outcomes.map((o) => [o.batch.index, o.status, o.interrupted])).toEqual([[1, 'rolled-back', true]]);
    for (const file of CHANGED) expect(read(root, file)).toBe(FILES[file]);
    const summary = summarize(p, outcomes, stoppedBy);
    expect(summary.stopped).toEqual({ reason: 'interrupted', batch: 1, signal: 'SIGINT' });
    expect(summary.progress).toMatchObject({ written: 0, rolledBack: 1, filesRolledBack: 2, notStarted: 1, filesNotStarted: 1 });

    const again = await plan(root, { signal: controller.signal });
    expect(await executePlan(again)).toEqual({ outcomes: [], stoppedBy: 'interrupted' });
    for (const file of CHANGED) expect(read(root, file)).toBe(FILES[file]);
  });

  it('an abort while verify runs stops the command and rolls the batch back', async () => {
    const root = tinyRepo();
    const controller = new AbortController();
    const p = await plan(root, { signal: controller.signal, verify: 'sleep 20' });
    setTimeout(() => controller.abort('SIGTERM'), 300);
    const started = Date.now();
    const { outcomes, stoppedBy } = await executePlan(p);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stoppedBy).toBe('interrupted');
    expect(outcomes.map((o) => [o.batch.index, o.status, o.interrupted])).toEqual([[1, 'rolled-back', true]]);
    for (const file of CHANGED) expect(read(root, file)).toBe(FILES[file]);
  });
});
