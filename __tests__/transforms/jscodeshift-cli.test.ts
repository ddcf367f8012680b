/**
 * Each transform alone through jscodeshift's own CLI, as a user would run it from node_modules:
 * the compiled transform, the registry from --config, findings through api.report.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT } from '../helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const JSCODESHIFT = require.resolve('jscodeshift/bin/jscodeshift.js');

function runJscodeshift(transform: string, cwd: string, args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [JSCODESHIFT, '--no-babel', '-t', transform, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout + run.stderr };
}

describe('through the jscodeshift CLI', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-jscodeshift-'));
    fs.cpSync(PROJECT, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'src/app/user.ts'),
      `import { ExecutionEngine } from '../agents/execution_engine_consolidated';\n\nexport const make = (userId: string) => new ExecutionEngine({ userId });\nexport let last: ExecutionEngine | undefined;\n`);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('resolves the compiled transforms by package name', () => {
    const resolved = spawnSync(process.execPath, ['-p', "require.resolve('ssot-codemods/transforms/consolidated-paths')"], { cwd: ROOT, encoding: 'utf8' });
    expect(resolved.stdout.trim()).toBe(path.join(ROOT, 'dist', 'transforms', 'consolidated-paths.js'));
  });

  it('runs direct-instantiation with the registry given by --config', () => {
    const transform = path.join(ROOT, 'dist/transforms/direct-instantiation.js');
    const run = runJscodeshift(transform, root, ['--extensions=ts', '--parser=ts', `--config=${path.join(root, 'ssot.config.json')}`, 'src/app']);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'src/app/user.ts'), 'utf8')).toBe(
      `import { ExecutionEngine } from '../agents/execution_engine_consolidated';\nimport { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';\n\nexport const make = (userId: string) => createUserExecutionEngine({ userId });\nexport let last: ExecutionEngine | undefined;\n`);
  });

  it('finds ssot.config.json upward from the file and reports what it leaves through api.report', () => {
    const transform = path.join(ROOT, 'dist/transforms/consolidated-paths.js');
    const run = runJscodeshift(transform, root, ['--extensions=ts', '--parser=ts', 'src/app']);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'src/app/user.ts'), 'utf8')).toContain(`from '../agents/execution_engine_consolidated'`);
    expect(run.stdout).toMatch(/user\.ts:1:10: legacy-path: ExecutionEngine is still constructed with new \(line 3\)/);
  });
});
