/**
 * The built CLI, run as a user would, on temporary git repositories holding a copy of the example
 * codebase: check and its gates, dry-run patches that `git apply` reproduces byte for byte, atomic
 * batches with verify and commit, and the exit codes.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { BIN, cli, EXAMPLE, exampleRepo, filesUnder, REPO, stateDirOf, type CliRun } from '../helpers/cli';



/** Every file under root (but .git), with its bytes. */
const snapshot = filesUnder;

function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(`${file}: ${actual.get(file)!.toString('latin1')}`).toBe(`${file}: ${bytes.toString('latin1')}`);
}

afterAll(removeTempDirs);

describe('ssot-codemod check', () => {
  it('prints the SPEC JSON shape with paths relative to the registry folder', () => {
    const root = exampleRepo();
    const run = cli(root, 'check', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report.violations).sort()).toEqual(['aliased-import', 'direct-instantiation', 'legacy-path', 'singleton']);
    expect(report.total).toBe(Object.values(report.violations as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(report.total).toBeGreaterThan(0);
    expect(report.canonicalUsage).toBeGreaterThan(0);
    expect(report.canonicalUsage).toBeLessThan(1);
    expect(report.findings[0]).toEqual(expect.objectContaining({ file: expect.stringMatching(/^(src|tests)\//), line: expect.any(Number), column: expect.any(Number) }));
    expect(report.legacyModules).toEqual(expect.arrayContaining([expect.objectContaining({ module: 'src/agents/execution_engine_consolidated', importers: expect.any(Number) })]));
    expect(report.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'src/services/engine_singleton.ts', kind: 'singleton' }),
    ]));
  });

  it('fails the --max-violations gate with exit 1 and passes a baseline it wrote itself', () => {
    const root = exampleRepo();
    const gated = cli(root, 'check', '--max-violations', '0', '--format', 'json');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toMatch(/gate failed: \d+ violations, above the maximum of 0/);
    expect(cli(root, 'check', '--write-baseline', 'baseline.json').status).toBe(0);
    expect(cli(root, 'check', '--baseline', 'baseline.json').status).toBe(0);
    writeFiles(root, { 'src/new_consumer.ts': `import { IsolatedExecutionEngine } from './agents/execution_engine_legacy_adapter';\nexport type E = IsolatedExecutionEngine;\n` });
    const grown = cli(root, 'check', '--baseline', 'baseline.json');
    expect(grown.status).toBe(1);
    expect(grown.stderr).toMatch(/gate failed: legacy-path: \d+, above the baseline's \d+/);
  });

  it('writes SARIF 2.1.0 and Markdown', () => {
    const root = exampleRepo();
    const sarif = JSON.parse(cli(root, 'check', '--format', 'sarif').stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('ssot-codemod');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^(src|tests)\//);
    expect(cli(root, 'check', '--format', 'markdown').stdout).toMatch(/\|/);
  });

  it('exits 2 with one line naming the file and JSON path for an invalid registry', () => {
    const root = exampleRepo();
    const config = JSON.parse(fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8'));
    config.symbols[0].legacy[0].from = 'src/agents/nowhere';
    fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify(config));
    const run = cli(root, 'check');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${path.join(root, 'ssot.config.json')}: $.symbols[0].legacy[0].from:`);
  });

  it('reports an unparseable file as path:line:column and exits 1 while the others are measured', () => {
    const root = exampleRepo();
    writeFiles(root, { 'src/broken.ts': `import { ExecutionEngine } from './agents/execution_engine_consolidated';\nconst = ;\n` });
    const run = cli(root, 'check', '--format', 'json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^src\/broken\.ts:2:7: /m);
    expect(JSON.parse(run.stdout).total).toBeGreaterThan(0);
  });
});

describe('ssot-codemod apply', () => {
  /** The tree as a user sees it: our state folder (journal, lock) is not part of it. */
  const tree = (root: string): Map<string, Buffer> => {
    const files = snapshot(root);
    for (const file of [...files.keys()]) if (file.startsWith('.ssot-codemod')) files.delete(file);
    return files;
  };

  it('prints a dry-run patch that git apply turns into exactly what apply writes; a second apply changes nothing', () => {
    const planned = exampleRepo();
    const patchFile = path.join(makeTempDir(), 'plan.patch');
    const dry = cli(planned, 'apply', '--dry-run', '--batch-size', '5', '--out', patchFile);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(/dry run: \d+ of \d+ files would change in \d+ batches/);
    expectSameTree(tree(planned), snapshot(EXAMPLE));
    const patch = fs.readFileSync(patchFile, 'utf8');
    expect(patch.match(/^# ssot-codemod batch \d+:/gm)!.length).toBeGreaterThan(1);
    expect(patch).toMatch(/^diff --git a\/src\/routes\/agent_routes\.ts b\/src\/routes\/agent_routes\.ts$/m);

    const applied = exampleRepo();
    const run = cli(applied, 'apply', '--batch-size', '5');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^batch 1\/\d+ files 1-5: 5 files written/m);

    git(planned, 'apply', patchFile);
    expectSameTree(tree(planned), tree(applied));

    const before = tree(applied);
    const again = cli(applied, 'apply');
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^0 of \d+ files changed/m);
    expectSameTree(tree(applied), before);
  });

  it('prints the patch on stdout when no --out is given', () => {
    const root = exampleRepo();
    const run = cli(root, 'apply', '--dry-run', '-t', 'aliased-imports');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# ssot-codemod batch 1: .* - aliased-imports\ndiff --git /m);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stderr).toMatch(/per transform: aliased-imports \d+/);
  });

  it('rolls a batch back byte for byte and exits 3 when --verify fails', () => {
    const root = exampleRepo();
    const before = tree(root);
    const run = cli(root, 'apply', '--batch-size', '5', '--verify', 'echo checking >&2; exit 7');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/verify failed; batch 1 was rolled back:\nchecking/);
    expectSameTree(tree(root), before);
    expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(false);
  });

  it('makes one commit per batch naming the batch, transforms and counts, and leaves a clean tree', () => {
    const root = exampleRepo();
    const run = cli(root, 'apply', '--batch-size', '6', '--verify', 'true', '--commit');
    expect(run.status).toBe(0);
    const subjects = git(root, 'log', '--format=%s').trim().split('\n');
    const batches = subjects.filter((s) => s.startsWith('ssot-codemod: batch'));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches[batches.length - 1]).toMatch(/^ssot-codemod: batch 1\/\d+ \(files 1-6\)$/);
    expect(git(root, 'log', '-1', '--format=%b')).toMatch(/Transforms: direct-instantiation, consolidated-paths, aliased-imports\nFiles: \d+ files? \(direct-instantiation: \d+, consolidated-paths: \d+, aliased-imports: \d+\)/);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('refuses --commit when a file it would touch has uncommitted changes, and writes nothing', () => {
    const root = exampleRepo();
    fs.appendFileSync(path.join(root, 'src/routes/agent_routes.ts'), '// local edit\n');
    const before = tree(root);
    const run = cli(root, 'apply', '--commit');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/uncommitted changes.*src\/routes\/agent_routes\.ts/);
    expectSameTree(tree(root), before);
  });

  it('refuses --commit while git\'s index is locked, naming the lock, and writes nothing', () => {
    const root = exampleRepo();
    fs.writeFileSync(path.join(root, '.git', 'index.lock'), '');
    const before = tree(root);
    const run = cli(root, 'apply', '--commit');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`git's index is locked (${path.join(root, '.git', 'index.lock')})`);
    expectSameTree(tree(root), before);
  });

  it('applies batch K alone and writes one patch and summary per batch with --out-dir', () => {
    const root = exampleRepo();
    const plan = cli(root, 'apply', '--dry-run', '--batch-size', '4', '--out-dir', 'plan');
    expect(plan.status).toBe(0);
    const written = fs.readdirSync(path.join(root, 'plan')).sort();
    expect(written.slice(0, 4)).toEqual(['batch-001.json', 'batch-001.patch', 'batch-002.json', 'batch-002.patch']);
    const secondBatch = JSON.parse(fs.readFileSync(path.join(root, 'plan', 'batch-002.json'), 'utf8')).batch.batch.files as string[];
    fs.rmSync(path.join(root, 'plan'), { recursive: true });

    const run = cli(root, 'apply', '--batch-size', '4', '--batch', '2');
    expect(run.status).toBe(0);
    const changed = git(root, 'status', '--porcelain').split('\n').filter(Boolean).map((l) => l.slice(3)).filter((f) => !f.startsWith('.ssot-codemod'));
    expect(changed.sort()).toEqual([...secondBatch].sort());
    expect(cli(root, 'apply', '--batch', '99').status).toBe(2);
  });

  it('restores a batch whose process was killed (SIGKILL during verify) on the next command, and says so', async () => {
    const root = exampleRepo();
    const before = tree(root);
    const marker = path.join(makeTempDir(), 'verifying');
    const child = spawn(process.execPath, [BIN, 'apply', '--batch-size', '50', '--verify', `touch ${marker}; sleep 30`], { cwd: root, env: { ...process.env, CI: 'true' } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 300 && !fs.existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(marker)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(path.join(stateDirOf(root), 'journal'))).toBe(true);

    // `check` changes nothing (it only says what waits); `recover`, like `apply`, restores the batch first.
    const next = cli(root, 'recover');
    expect(next.stderr).toMatch(/recovered an interrupted batch \(batch 1\/1: files 1-\d+, pid \d+\): restored \d+ file\(s\)/);
    expectSameTree(tree(root), before);
    expect(cli(root, 'recover').stderr).toMatch(/nothing to recover/);
  });

  it('refuses to start while another run holds the lock, naming its pid', () => {
    const root = exampleRepo();
    writeFiles(stateDirOf(root), { lock: `${process.pid}\n` });
    const run = cli(root, 'apply');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`pid ${process.pid}`);
  });
});

describe('batches and parallelism', () => {
  it('batches by CODEOWNERS owner when the registry sits below the repository top', () => {
    const top = makeTempRepo();
    fs.cpSync(EXAMPLE, path.join(top, 'engine'), { recursive: true });
    writeFiles(top, { '.github/CODEOWNERS': '* @platform\n/engine/src/routes/ @team-routes\n/engine/tests/ @team-qa\n' });
    git(top, 'add', '-A');
    git(top, 'commit', '--quiet', '-m', 'example');
    const run = cli(path.join(top, 'engine'), 'apply', '--dry-run', '--batch-by', 'codeowners');
    expect(run.status).toBe(0);
    const comments = run.stdout.match(/^# ssot-codemod batch .*$/gm)!;
    expect(comments.map((c) => c.replace(/ \(\d+ files?\).*/, ''))).toEqual([
      '# ssot-codemod batch 1: @platform',
      '# ssot-codemod batch 2: @team-qa',
      '# ssot-codemod batch 3: @team-routes',
    ]);
    const routesBatch = run.stdout.split(/^# ssot-codemod batch /m)[3];
    expect(routesBatch.match(/^diff --git a\/(\S+)/gm)).toEqual(['diff --git a/src/routes/agent_routes.ts', 'diff --git a/src/routes/legacy_routes.ts']);
  });

  it('batches by directory, and gives the same plan with worker threads as without', () => {
    const root = exampleRepo();
    const single = cli(root, 'apply', '--dry-run', '--batch-by', 'directory', '--workers', '0');
    const parallel = cli(root, 'apply', '--dry-run', '--batch-by', 'directory', '--workers', '2');
    expect(single.status).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    expect(single.stdout).toMatch(/^# ssot-codemod batch 1: src \(/m);
    expect(single.stdout).toMatch(/^# ssot-codemod batch \d+: src\/services \(/m);
  });

  it('gives the same patch whether files are parsed on worker threads or here, on a 600-file generated tree', () => {
    const { generateTree } = require('../../bench/generate.js') as { generateTree: (dir: string, o: object) => unknown };
    const root = makeTempDir();
    generateTree(root, { files: 600, legacyShare: 0.1, seed: 7 });
    const here = cli(root, 'apply', '--dry-run', '--workers', '0');
    const threads = cli(root, 'apply', '--dry-run', '--workers', '2');
    expect(here.status).toBe(0);
    expect(here.stdout.match(/^diff --git /gm)!.length).toBeGreaterThan(40);
    expect(threads.stdout).toBe(here.stdout);
    expect(threads.stderr).toBe(here.stderr);
  });

  it('splits the files into disjoint shards that together make the whole plan', () => {
    const root = exampleRepo();
    const whole = cli(root, 'apply', '--dry-run', '--format', 'json', '--out', path.join(makeTempDir(), 'p'));
    const changed = (run: CliRun): string[] => JSON.parse(run.stdout).batches.flatMap((b: { batch: { files: string[] } }) => b.batch.files);
    const shards = [1, 2, 3].map((i) => changed(cli(root, 'apply', '--dry-run', '--shard', `${i}/3`, '--format', 'json', '--out', path.join(makeTempDir(), 'p'))));
    expect(shards.every((s) => s.length > 0)).toBe(true);
    expect(shards.flat().sort()).toEqual(changed(whole).sort());
    expect(cli(root, 'apply', '--dry-run', '--shard', '4/3').status).toBe(2);
  });
});

describe('files the CLI must not read or write', () => {
  it('skips binary, huge and non-UTF-8 files with a note and never follows a link out of the folder', () => {
    const root = exampleRepo();
    const outside = makeTempDir();
    const legacyImport = `import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';\nexport type E = IsolatedExecutionEngine;\n`;
    writeFiles(outside, { 'elsewhere.ts': legacyImport });
    writeFiles(root, {
      'src/extra/binary.ts': Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01]),
      'src/extra/latin1.ts': Buffer.concat([Buffer.from(legacyImport), Buffer.from([0xe9, 0x0a])]),
      'src/extra/huge.ts': legacyImport + '//' + 'x'.repeat(3 * 1024 * 1024) + '\n',
    });
    fs.symlinkSync(path.join(outside, 'elsewhere.ts'), path.join(root, 'src/extra/linked.ts'));
    const report = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
    const notes = new Map((report.skipped as { file: string; reason: string }[]).map((n) => [path.basename(n.file), n.reason]));
    expect(notes.get('binary.ts')).toMatch(/binary/);
    expect(notes.get('latin1.ts')).toMatch(/UTF-8/);
    expect(notes.get('huge.ts')).toMatch(/too large/);
    expect(notes.get('linked.ts')).toMatch(/outside/);
    expect(cli(root, 'apply').status).toBe(0);
    expect(fs.readFileSync(path.join(outside, 'elsewhere.ts'), 'utf8')).toBe(legacyImport);
  });
});

describe('ssot-codemod, the program', () => {
  it('lists the transforms in the order they run', () => {
    const run = cli(REPO, 'transforms');
    expect(run.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['direct-instantiation', 'consolidated-paths', 'aliased-imports']);
  });

  it('has --version, --help with examples, and exits 2 on an unknown option', () => {
    expect(cli(REPO, '--version').stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(cli(REPO, 'apply', '--help').stdout).toMatch(/apply --batch-size 50 --verify "npm\s+test"\s+--commit/);
    const bad = cli(REPO, 'check', '--no-such-option');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown argument/);
  });
});
