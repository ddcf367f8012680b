/**
 * Fixture pairs: `__testfixtures__/<transform>/<case>.input.<ext>` and `<case>.output.<ext>`, and
 * optionally `<case>.findings.json` ([{ line, column, kind }], sorted by line and column) for what the
 * case must report; a case without one must report nothing.
 * Each input is run as if it were `src/app/<case>.<ext>` of the fixture project, whose registry,
 * tsconfig (`@app/*` alias) and modules live in `__testfixtures__/project/`. A case in a subfolder,
 * `<transform>/<style>/<case>.input.<ext>`, runs as `src/app/<style>/<case>.<ext>`, beside the formatter
 * configuration of that folder of the project (`src/app/prettier-semi-false/.prettierrc`, …).
 * Python's cases (`__testfixtures__/python/<transform>/`) run as `netra_backend/app/consumers/<case>.py` of
 * `__testfixtures__/python/project/` (PYTHON_PROJECT).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import type { Registry } from '../../src/registry/types';
import { transformFile } from '../../src/engine/pipeline';
import type { TransformDefinition } from '../../src/transforms';
import type { FileResult } from '../../src/engine/results';

export const FIXTURES = path.join(__dirname, '..', '..', '__testfixtures__');
export const PROJECT = path.join(FIXTURES, 'project');

/** A fixture project: its folder, and the folder (inside it) where each case runs. */
export interface FixtureProject {
  root: string;
  caseFolder: string;
}

export const JS_PROJECT: FixtureProject = { root: PROJECT, caseFolder: path.join(PROJECT, 'src', 'app') };
export const PYTHON_PROJECT: FixtureProject = {
  root: path.join(FIXTURES, 'python', 'project'),
  caseFolder: path.join(FIXTURES, 'python', 'project', 'netra_backend', 'app', 'consumers'),
};

const registries = new Map<string, Registry>();
export function fixtureRegistry(project: FixtureProject = JS_PROJECT): Registry {
  let registry = registries.get(project.root);
  if (!registry) {
    registry = loadRegistry({ configPath: path.join(project.root, 'ssot.config.json') });
    registries.set(project.root, registry);
  }
  return registry;
}

export function runAs(fileName: string, source: string, transforms: TransformDefinition[], project: FixtureProject = JS_PROJECT): FileResult {
  return transformFile({
    path: path.join(project.caseFolder, fileName),
    source,
    registry: fixtureRegistry(project),
    transforms,
  });
}

interface FixtureCase {
  name: string;
  fileName: string;
  input: string;
  output: string;
  findings?: { line: number; column: number; kind: string }[];
}

export function fixtureCases(folder: string): FixtureCase[] {
  const top = path.join(FIXTURES, folder);
  const styles = fs.readdirSync(top, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return ['', ...styles].flatMap((style) => {
    const dir = path.join(top, style);
    return fs
      .readdirSync(dir)
      .filter((f) => /\.input\.[a-z.]+$/.test(f))
      .sort()
      .map((inputFile) => {
        const [, base, ext] = /^(.*?)\.input\.([a-z.]+)$/.exec(inputFile)!;
        const name = style ? `${style}/${base}` : base;
        const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8');
        const findingsFile = path.join(dir, `${base}.findings.json`);
        return {
          name,
          fileName: `${name}.${ext}`,
          input: read(inputFile),
          output: read(`${base}.output.${ext}`),
          findings: fs.existsSync(findingsFile) ? JSON.parse(fs.readFileSync(findingsFile, 'utf8')) : undefined,
        };
      });
  });
}

/** One test per case, and one more that feeds the expected output back in and wants it unchanged. */
export function describeFixtures(folder: string, transforms: TransformDefinition[], project: FixtureProject = JS_PROJECT): void {
  const cases = fixtureCases(folder);
  it('has fixture cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    describe(c.name, () => {
      it('gives the expected output', () => {
        const result = runAs(c.fileName, c.input, transforms, project);
        expect(result.status).not.toBe('failed');
        expect(result.output ?? c.input).toBe(c.output);
        expect(result.status).toBe(c.output === c.input ? 'unchanged' : 'changed');
        const findings = result.findings
          .map(({ line, column, kind }) => ({ line, column, kind }))
          .sort((a, b) => a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind));
        expect(findings).toEqual(c.findings ?? []);
      });
      it('is idempotent', () => {
        const result = runAs(c.fileName, c.output, transforms, project);
        expect(result.output ?? c.output).toBe(c.output);
      });
    });
  }
}
