/**
 * Python through the built CLI, as a user runs it:
 *
 * 1. examples/netra-python (the seeds' story): its own unittest suite passes before; `check` counts what
 *    the README says; `apply --batch-size 3 --verify "<its tests>" --commit` migrates it batch by batch,
 *    verified and committed; its tests pass after; a second apply has nothing left to do.
 * 2. A monorepo of both examples (the TypeScript one under web/, the Python one under backend/) with one
 *    registry: `check` in every format and its gates see both languages; a dry-run patch that `git apply`
 *    reproduces byte for byte; a batch whose verify fails is rolled back byte for byte (exit 3); batches by
 *    directory commit each language's files on their own.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, EXAMPLE, REPO } from '../helpers/cli';
import { git, makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { describeWithPython, PYTHON3 } from '../helpers/python3';

afterAll(removeTempDirs);

const PY_EXAMPLE = path.join(REPO, 'examples', 'netra-python');
const UNITTEST = `${PYTHON3} -m unittest discover -q -s tests -t .`;

/** Every file under root but .git, with its bytes. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // git's folder, Python's caches, and our journal's folder (git-ignored) are no part of the tree.
      if (entry.name === '.git' || entry.name === '__pycache__' || entry.name === '.ssot-codemod') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full, 'latin1'));
    }
  };
  walk(root);
  return files;
}

function commit(root: string): void {
  fs.writeFileSync(path.join(root, '.gitignore'), '__pycache__/\n');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'before the migration');
}

function pythonExampleRepo(): string {
  const root = makeTempRepo();
  fs.cpSync(PY_EXAMPLE, root, { recursive: true, filter: (f) => !f.includes('__pycache__') });
  commit(root);
  return root;
}

/** The Python example's own tests, in `cwd`. */
function unittest(cwd: string): { status: number | null; output: string } {
  const run = spawnSync('sh', ['-c', UNITTEST], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describeWithPython('examples/netra-python through the CLI', () => {
  it('its own tests pass before and after a verified, committed, batched apply', () => {
    const root = pythonExampleRepo();
    const before = unittest(root);
    expect(before.output).toMatch(/Ran 7 tests/);
    expect(before.status).toBe(0);

    const report = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
    expect(report.violations).toEqual({ 'legacy-path': 17, 'aliased-import': 1, 'direct-instantiation': 4, singleton: 1 });
    // Names the registry does not map stay on their legacy module, listed apart from the violations.
    expect(report.informational['unmapped-name']).toBe(2);
    expect(report.legacyModules.map((m: { module: string }) => m.module)).toEqual([
      'netra_backend.app.agents.execution_engine_consolidated', 'netra_backend.app.agents.execution_engine_legacy_adapter',
      'netra_backend.app.agents.execution_engine_unified_factory', 'netra_backend.app.agents.supervisor.execution_engine',
      'netra_backend.app.core.managers.execution_engine_factory',
    ]);
    expect(report.findings).toEqual(expect.arrayContaining([
      { file: 'netra_backend/app/services/engine_singleton.py', line: 5, column: 10, kind: 'singleton', message: 'consolidated.ExecutionEngine() at module scope creates one shared instance: give each caller its own', fixable: false },
    ]));

    const apply = cli(root, 'apply', '--batch-size', '3', '--verify', UNITTEST, '--commit');
    expect(apply.stderr).toMatch(/8 of 25 files changed in 3 batches/);
    expect(apply.status).toBe(0);
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual([
      'ssot-codemod: batch 3/3 (files 7-8)', 'ssot-codemod: batch 2/3 (files 4-6)', 'ssot-codemod: batch 1/3 (files 1-3)', 'before the migration',
    ]);
    expect(git(root, 'status', '--porcelain')).toBe('');
    const after = unittest(root);
    expect(after.output).toMatch(/Ran 7 tests/);
    expect(after.status).toBe(0);
    // What is left needs a human; nothing more can be rewritten.
    expect(cli(root, 'apply', '--dry-run').stderr).toMatch(/0 of 25 files would change/);
    const left = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
    // connection_handler.py's `UserExecutionEngine as ExecutionEngine` keeps its alias: the name is taken there.
    expect(left.violations).toEqual({ 'legacy-path': 5, 'aliased-import': 1, 'direct-instantiation': 1, singleton: 0 });
    // The two unmapped names stay where they were, listed apart from the violations.
    expect(left.informational['unmapped-name']).toBe(2);
  }, 120_000);
});

describeWithPython('a Python file with a BOM and CRLF line endings, read and written by the CLI', () => {
  it('keeps its BOM, its line endings and its coding line (the pitfall of a decoder that drops the BOM)', () => {
    const root = pythonExampleRepo();
    const file = 'netra_backend/app/routes/bom_route.py';
    const input = '\ufeff# -*- coding: utf-8 -*-\r\nfrom ..agents.execution_engine_consolidated import ExecutionContext, LEGACY_GLOBAL_CONTEXT\r\n\r\nCONTEXTS = (ExecutionContext, LEGACY_GLOBAL_CONTEXT)\r\n';
    fs.writeFileSync(path.join(root, file), input);
    expect(cli(root, 'apply', file).status).toBe(0);
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(
      '\ufeff# -*- coding: utf-8 -*-\r\nfrom ..agents.execution_engine_consolidated import LEGACY_GLOBAL_CONTEXT\r\n' +
      'from ..agents.supervisor.user_execution_engine import ExecutionContext\r\n\r\nCONTEXTS = (ExecutionContext, LEGACY_GLOBAL_CONTEXT)\r\n',
    );
    expect(fs.readFileSync(path.join(root, file)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

/** Both examples in one repository, with one registry naming both languages' modules. */
function monorepo(): string {
  const root = makeTempRepo();
  fs.cpSync(EXAMPLE, path.join(root, 'web'), { recursive: true });
  fs.cpSync(PY_EXAMPLE, path.join(root, 'backend'), { recursive: true, filter: (f) => !f.includes('__pycache__') });
  const js = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'ssot.config.json'), 'utf8'));
  const py = JSON.parse(fs.readFileSync(path.join(PY_EXAMPLE, 'ssot.config.json'), 'utf8'));
  const web = (name: string) => `web/${name}`;
  const config = {
    include: ['web/src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', 'web/tests/**/*.{ts,tsx,js,jsx}', 'backend/**/*.py'],
    exclude: ['**/*.d.ts'],
    tsconfig: 'web/tsconfig.json',
    python: { roots: ['backend'] },
    modules: [
      ...js.modules.map((m: { from: string; to: string }) => ({ from: web(m.from), to: web(m.to) })),
      ...py.modules,
    ],
    symbols: [
      ...js.symbols.map((s: { name: string; from: string; legacy: { name: string; from: string; construct?: { from: string } }[] }) => ({
        ...s, from: web(s.from),
        legacy: s.legacy.map((l) => ({ ...l, from: web(l.from), ...(l.construct ? { construct: { ...l.construct, from: web(l.construct.from) } } : {}) })),
      })),
      ...py.symbols,
    ],
  };
  fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify(config, null, 2));
  fs.rmSync(path.join(root, 'web', 'ssot.config.json'));
  fs.rmSync(path.join(root, 'backend', 'ssot.config.json'));
  commit(root);
  return root;
}

describeWithPython('a repository of TypeScript and Python with one registry', () => {
  const root = monorepo();

  it('check counts both languages, in every format, and its gates hold', () => {
    const json = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
    const files = new Set(json.findings.map((f: { file: string }) => f.file.split('/')[0]));
    expect(files).toEqual(new Set(['web', 'backend']));
    expect(json.legacyModules.map((m: { module: string }) => m.module)).toEqual(expect.arrayContaining([
      'web/src/agents/execution_engine_consolidated', 'netra_backend.app.agents.execution_engine_consolidated',
    ]));
    const sarif = JSON.parse(cli(root, 'check', '--format', 'sarif').stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.some((u: string) => u.endsWith('.py'))).toBe(true);
    expect(uris.some((u: string) => u.endsWith('.ts'))).toBe(true);
    expect(cli(root, 'check', '--format', 'markdown').stdout).toMatch(/netra_backend\.app\.agents\.execution_engine_consolidated/);
    expect(cli(root, 'check', '--max-violations', '0').status).toBe(1);
    expect(cli(root, 'check', '--write-baseline', 'baseline.json').status).toBe(0);
    writeFiles(root, { 'backend/netra_backend/app/routes/new_route.py': 'from ..agents.execution_engine_legacy_adapter import IsolatedExecutionEngine\n' });
    const grown = cli(root, 'check', '--baseline', 'baseline.json');
    expect(grown.stderr).toMatch(/gate failed: legacy-path: \d+, above the baseline's \d+/);
    expect(grown.status).toBe(1);
    fs.rmSync(path.join(root, 'backend/netra_backend/app/routes/new_route.py'));
    fs.rmSync(path.join(root, 'baseline.json'));
  });

  it('a dry-run patch of both languages is what apply writes, byte for byte', () => {
    const out = path.join(makeTempDir(), 'plan.patch');
    const dry = cli(root, 'apply', '--dry-run', '--batch-size', '10', '--out', out);
    expect(dry.status).toBe(0);
    const patch = fs.readFileSync(out, 'utf8');
    expect(patch).toMatch(/^diff --git a\/backend\/netra_backend\/app\/routes\/agent_routes\.py/m);
    expect(patch).toMatch(/^diff --git a\/web\/src\/routes\/agent_routes\.ts/m);
    const patched = makeTempDir();
    fs.cpSync(root, patched, { recursive: true });
    git(patched, 'apply', out);
    const applied = makeTempDir();
    fs.cpSync(root, applied, { recursive: true });
    expect(cli(applied, 'apply', '--batch-size', '10').status).toBe(0);
    expect(snapshot(applied)).toEqual(snapshot(patched));
    expect(snapshot(applied)).not.toEqual(snapshot(root));
  }, 120_000);

  it('a batch whose verify fails is rolled back byte for byte, Python files included (exit 3)', () => {
    const before = snapshot(root);
    const run = cli(root, 'apply', '--batch-by', 'directory', '--verify', 'exit 7');
    expect(run.status).toBe(3);
    expect(snapshot(root)).toEqual(before);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('batches by directory commit each folder on its own, and the Python tests still pass', () => {
    const run = cli(root, 'apply', '--batch-by', 'directory', '--commit');
    expect(run.status).toBe(0);
    const subjects = git(root, 'log', '--format=%s').trim().split('\n');
    expect(subjects.some((s) => /\(backend\/netra_backend\/app\/routes\)/.test(s))).toBe(true);
    expect(subjects.some((s) => /\(web\/src\/routes\)/.test(s))).toBe(true);
    for (const sha of git(root, 'log', '--format=%H', '-n', String(subjects.length - 1)).trim().split('\n')) {
      const changed = git(root, 'show', '--name-only', '--format=', sha).trim().split('\n');
      const languages = new Set(changed.map((f) => (f.endsWith('.py') ? 'python' : 'javascript')));
      expect(languages.size).toBe(1);
    }
    expect(unittest(path.join(root, 'backend')).status).toBe(0);
  }, 120_000);
});
