/**
 * The table of transforms is the one place a transform is declared: what is derived from it (order,
 * descriptions, the `transforms` listing, finding kinds, check's categories, SARIF rules, the jscodeshift
 * faces) must agree with it, and each row must list the kinds its transform really reports.
 */
import { TRANSFORMS, TRANSFORM_DESCRIPTIONS, TRANSFORM_FINDINGS, TRANSFORM_ORDER, selectTransforms } from '../../src/transforms';
import { ENGINE_FINDINGS, isFileError } from '../../src/engine/results';
import type { FindingKind, TransformFindingRule } from '../../src/transforms';
import { VIOLATION_CATEGORIES, buildCheckReport, formatSarif } from '../../src/report';
import * as directInstantiationFace from '../../transforms/direct-instantiation';
import * as consolidatedPathsFace from '../../transforms/consolidated-paths';
import * as aliasedImportsFace from '../../transforms/aliased-imports';
import { cli, REPO } from '../helpers/cli';
import { fixtureCases, fixtureRegistry, runAs } from '../helpers/fixtures';

const kindsOf = (rules: readonly { kind: string }[]): string[] => rules.map((rule) => rule.kind);

describe('the table of transforms', () => {
  it('names each transform once, and gives each finding kind to one transform or to the engine', () => {
    expect(new Set(TRANSFORM_ORDER).size).toBe(TRANSFORMS.length);
    const kinds = kindsOf([...TRANSFORM_FINDINGS, ...ENGINE_FINDINGS]);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('gives the order, the descriptions and the default selection', () => {
    expect(TRANSFORM_ORDER).toEqual(TRANSFORMS.map((t) => t.name));
    expect(Object.entries(TRANSFORM_DESCRIPTIONS)).toEqual(TRANSFORMS.map((t) => [t.name, t.description]));
    expect(selectTransforms()).toEqual([...TRANSFORMS]);
    expect(() => selectTransforms(['nope'])).toThrow(`unknown transform "nope" (expected one of: ${TRANSFORM_ORDER.join(', ')})`);
  });

  it('knows no transform by a name every object has (`-t constructor` used to select nothing, then run them all)', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => selectTransforms([name])).toThrow(`unknown transform "${name}"`);
    }
  });

  it('is what `ssot-codemod transforms` lists, in table order', () => {
    const run = cli(REPO, 'transforms');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(TRANSFORMS.map((t) => `${t.name.padEnd(22)} ${t.description}\n`).join(''));
  });

  it('makes each jscodeshift face run its own row', () => {
    const faces = [
      [directInstantiationFace.name, directInstantiationFace.directInstantiation],
      [consolidatedPathsFace.name, consolidatedPathsFace.consolidatedPaths],
      [aliasedImportsFace.name, aliasedImportsFace.aliasedImports],
    ] as const;
    expect(faces.map(([name]) => name)).toEqual(TRANSFORM_ORDER);
    for (const [name, run] of faces) expect(TRANSFORMS.find((t) => t.name === name)!.run).toBe(run);
  });

  it('counts each violation category under exactly one transform, import sites first', () => {
    for (const category of VIOLATION_CATEGORIES) {
      expect(TRANSFORMS.filter((t) => t.findings.some((f: TransformFindingRule) => f.kind === category && f.violation))).toHaveLength(1);
    }
    const counted = TRANSFORM_FINDINGS.filter((f: TransformFindingRule) => f.violation);
    expect([...VIOLATION_CATEGORIES].sort()).toEqual(kindsOf(counted).sort());
    const sites = VIOLATION_CATEGORIES.map((category) => (counted.find((f) => f.kind === category) as TransformFindingRule).violation);
    expect(sites).toEqual([...sites].sort()); // 'import-site' before 'use-site'
    expect(VIOLATION_CATEGORIES).toEqual(['legacy-path', 'aliased-import', 'direct-instantiation', 'singleton']);
  });

  it('marks as file errors exactly the engine kinds flagged so', () => {
    for (const rule of [...TRANSFORM_FINDINGS, ...ENGINE_FINDINGS]) {
      expect(isFileError(rule.kind as FindingKind)).toBe('fileError' in rule && rule.fileError === true);
    }
  });

  it('declares one SARIF rule per kind, with its level and description: categories first, then the engine kinds', () => {
    const report = buildCheckReport(fixtureRegistry(), [], []);
    const rules: { id: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }[] =
      JSON.parse(formatSarif(report, '0.0.0')).runs[0].tool.driver.rules;
    const byKind = new Map([...TRANSFORM_FINDINGS, ...ENGINE_FINDINGS].map((rule) => [rule.kind as string, rule]));
    expect(rules.map((r) => r.id).sort()).toEqual([...byKind.keys()].sort());
    for (const r of rules) {
      expect(r.defaultConfiguration.level).toBe(byKind.get(r.id)!.level);
      expect(r.shortDescription.text).toBe(byKind.get(r.id)!.description);
    }
    const notCounted = kindsOf(TRANSFORM_FINDINGS.filter((f: TransformFindingRule) => !f.violation));
    expect(rules.map((r) => r.id)).toEqual([...VIOLATION_CATEGORIES, ...notCounted, ...kindsOf(ENGINE_FINDINGS)]);
    expect(rules.map((r) => r.id)).toEqual([
      'legacy-path', 'aliased-import', 'direct-instantiation', 'singleton', 'unmapped-name', 'conflict', 'cycle', 'mock-boundary', 'parse-error', 'transform-bug', 'timeout',
    ]);
    // A transform's exception on one file is a transform-bug too, not only a rewrite that does not parse.
    expect(rules.find((r) => r.id === 'transform-bug')!.shortDescription.text).toBe(
      'A transform failed on this file, or its rewrite would not parse: the file was left as it was. Please report it.',
    );
  });

  describe.each(TRANSFORMS.map((t) => [t.name, t] as const))('%s', (name, transform) => {
    it("reports, on its fixtures, only its row's kinds and the engine's", () => {
      const allowed = new Set(kindsOf([...transform.findings, ...ENGINE_FINDINGS]));
      const reported = new Set<string>();
      for (const fixture of fixtureCases(name)) {
        const result = runAs(fixture.fileName, fixture.input, [transform]);
        for (const f of [...result.findings, ...result.sites]) reported.add(f.kind);
      }
      expect([...reported].filter((kind) => !allowed.has(kind))).toEqual([]);
      for (const rule of transform.findings) expect(reported).toContain(rule.kind);
    });
  });
});
