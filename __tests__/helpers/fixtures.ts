/**
 * Fixture pairs: `__testfixtures__/<transform>/<case>.input.<ext>` and `<case>.output.<ext>`, and
 * optionally `<case>.findings.json` ([{ line, column, kind }], sorted by line and column) for what the
 * case must report; a case without one must report nothing.
 * Each input is run as if it were `src/app/<case>.<ext>` of the fixture project, whose registry,
 * tsconfig (`@app/*` alias) and modules live in `__testfixtures__/project/`. A case in a subfolder,
 * `<transform>/<style>/<case>.input.<ext>`, runs as `src/app/<style>/<case>.<ext>`, beside the formatter
 * configuration of that folder of the project (`src/app/prettier-semi-false/.prettierrc`, …).
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

let registry: Registry | undefined;
export function fixtureRegistry(): Registry {
  return (registry ??= loadRegistry({ configPath: path.join(PROJECT, 'ssot.config.json') }));
}

export function runAs(fileName: string, source: string, transforms: TransformDefinition[]): FileResult {
  return transformFile({
    path: path.join(PROJECT, 'src', 'app', fileName),
    source,
    registry: fixtureRegistry(),
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
export function describeFixtures(folder: string, transforms: TransformDefinition[]): void {
  const cases = fixtureCases(folder);
  it('has fixture cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    describe(c.name, () => {
      it('gives the expected output', () => {
        const result = runAs(c.fileName, c.input, transforms);
        expect(result.status).not.toBe('failed');
        expect(result.output ?? c.input).toBe(c.output);
        expect(result.status).toBe(c.output === c.input ? 'unchanged' : 'changed');
        const findings = result.findings
          .map(({ line, column, kind }) => ({ line, column, kind }))
          .sort((a, b) => a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind));
        expect(findings).toEqual(c.findings ?? []);
      });
      it('is idempotent', () => {
        const result = runAs(c.fileName, c.output, transforms);
        expect(result.output ?? c.output).toBe(c.output);
      });
    });
  }
}
