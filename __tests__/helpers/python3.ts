/**
 * The machine's python3, for the tests that hold our Python support against CPython itself: its stdlib
 * (a real-world corpus), its `compile()` (the oracle for what is valid Python) and its unittest (the
 * example's own tests). Without python3 those suites are not defined; instead one test fails, unless
 * SSOT_WITHOUT_PYTHON=1 says that a run without them is meant.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CPYTHON_ORACLE } from '../../bench/python-mutants';

function find(): string | null {
  const probe = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === '3' ? 'python3' : null;
}

export const PYTHON3 = find();

/** `describe` when python3 is here; otherwise one test that fails unless SSOT_WITHOUT_PYTHON=1. */
export function describeWithPython(name: string, body: () => void): void {
  if (PYTHON3) {
    describe(name, body);
    return;
  }
  it(`${name}: needs python3 (set SSOT_WITHOUT_PYTHON=1 to run without the Python sweeps)`, () => {
    expect(process.env.SSOT_WITHOUT_PYTHON).toBe('1');
  });
}

export function python(args: string[], input?: string, cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(PYTHON3 ?? 'python3', args, { input, cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The folder of python3's standard library, and its `.py` files (not site-packages), sorted. */
export function stdlibFiles(): { root: string; files: string[] } {
  const root = python(['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).stdout.trim();
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site-packages' && entry.name !== '__pycache__') walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        files.push(full);
      }
    }
  };
  walk(root);
  return { root, files };
}

export interface Verdict {
  rejected: boolean;
  line?: number;
  column?: number;
  message?: string;
}

/** CPython's compile() on each text, in order. */
export function cpythonVerdicts(texts: readonly string[]): Verdict[] {
  const run = python(['-c', CPYTHON_ORACLE], texts.map((text) => JSON.stringify({ text })).join('\n') + '\n');
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Verdict);
}
