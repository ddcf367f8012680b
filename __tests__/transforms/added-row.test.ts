/**
 * Adding a transform is its rule and one row of the table: with a made-up row appended (a transform that
 * only reports namespace imports, as an import-site category, and a note it does not count), the
 * selection, the counts, canonical usage, every format, SARIF and the baseline all take it in, each in
 * its place, with no other edit.
 */
import type { FileContext } from '../../src/engine/file-context';

jest.mock('../../src/transforms/table', () => {
  const actual = jest.requireActual('../../src/transforms/table');
  const namespaceImports = {
    name: 'namespace-imports',
    description: 'import * as ns ➔ reported, never rewritten',
    run(ctx: FileContext): boolean {
      for (const decl of ctx.imports.decls) {
        if (decl.reexport || !decl.specs.some((s) => s.kind === 'namespace')) continue;
        ctx.recordSite(decl.span!, 'namespace-import', `namespace import of "${decl.specifierText}"`);
        ctx.report(decl.span!, 'namespace-note', 'a namespace import hides which names are used');
      }
      return false;
    },
    findings: [
      { kind: 'namespace-import', violation: 'import-site', level: 'warning', description: 'A namespace import of a registry module.' },
      { kind: 'namespace-note', level: 'note', description: 'A namespace import hides which names are used.' },
    ],
  };
  return { ...actual, TRANSFORMS: [...actual.TRANSFORMS, namespaceImports] };
});

import { TRANSFORM_DESCRIPTIONS, TRANSFORM_ORDER, selectTransforms } from '../../src/transforms';
import {
  VIOLATION_CATEGORIES, buildCheckReport, evaluateGates, formatMarkdown, formatSarif, formatText, parseBaseline, toBaseline,
} from '../../src/report';
import { runAs, fixtureRegistry } from '../helpers/fixtures';

const SOURCE = [
  "import * as legacy from '../agents/execution_engine_consolidated';",
  "import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';",
  'export const engines = [legacy, Engine];',
  '',
].join('\n');

describe('a row added to the table of transforms', () => {
  it('is selected, listed and described, last as it runs last', () => {
    expect(TRANSFORM_ORDER).toEqual(['direct-instantiation', 'consolidated-paths', 'aliased-imports', 'namespace-imports']);
    expect(selectTransforms().map((t) => t.name)).toEqual(TRANSFORM_ORDER);
    expect(selectTransforms(['namespace-imports', 'direct-instantiation']).map((t) => t.name)).toEqual(['direct-instantiation', 'namespace-imports']);
    expect(TRANSFORM_DESCRIPTIONS).toHaveProperty('namespace-imports', 'import * as ns ➔ reported, never rewritten');
    expect(() => selectTransforms(['nope'])).toThrow('(expected one of: direct-instantiation, consolidated-paths, aliased-imports, namespace-imports)');
  });

  it('is counted by check among the import sites, and in canonical usage', () => {
    expect(VIOLATION_CATEGORIES).toEqual(['legacy-path', 'aliased-import', 'namespace-import', 'direct-instantiation', 'singleton']);
    const result = runAs('namespaced.ts', SOURCE, selectTransforms());
    const report = buildCheckReport(fixtureRegistry(), [{ ...result, canonicalSites: 2 }], []);
    expect(Object.keys(report.violations)).toEqual(VIOLATION_CATEGORIES);
    expect(report.violations['namespace-import' as keyof typeof report.violations]).toBe(1);
    expect(report.total).toBe(Object.values(report.violations).reduce((a, b) => a + b, 0));
    const notCanonical = report.violations['legacy-path'] + report.violations['aliased-import'] + 1;
    expect(report.canonicalUsage).toBeCloseTo(2 / (2 + notCanonical));
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['namespace-import', 'namespace-note']));

    const text = formatText(report, { color: false });
    expect(text).toMatch(/\n {2}namespace-import +1\n {2}direct-instantiation/);
    expect(text).toContain(`2 of ${2 + notCanonical} import sites`);
    expect(formatMarkdown(report)).toContain('| aliased-import | 1 |\n| namespace-import | 1 |\n| direct-instantiation |');

    const run = JSON.parse(formatSarif(report, '0.0.0')).runs[0];
    const rules: { id: string; defaultConfiguration: { level: string } }[] = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([
      'legacy-path', 'aliased-import', 'namespace-import', 'direct-instantiation', 'singleton',
      'unmapped-name', 'namespace-note', 'conflict', 'cycle', 'mock-boundary', 'parse-error', 'transform-bug', 'timeout',
    ]);
    const note = run.results.find((r: { ruleId: string }) => r.ruleId === 'namespace-note');
    expect(note).toMatchObject({ level: 'note', ruleIndex: 6 });
  });

  it('is kept in the baseline and gated by it', () => {
    const result = runAs('namespaced.ts', SOURCE, selectTransforms());
    const report = buildCheckReport(fixtureRegistry(), [result], []);
    const baseline = toBaseline(report);
    expect(Object.keys(baseline.violations)).toEqual(VIOLATION_CATEGORIES);
    const older = parseBaseline(JSON.stringify({ version: 1, violations: { ...baseline.violations, 'namespace-import': undefined } }), 'b.json');
    expect(older.violations).toHaveProperty('namespace-import', 0);
    expect(evaluateGates(report, { baseline: older }).reasons).toEqual(["namespace-import: 1, above the baseline's 0"]);
  });
});
