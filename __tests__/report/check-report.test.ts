/**
 * check's report: aggregation of FileResults (hand-built, so every number is known, and from the real
 * engine), its four formats, and the CI gates with their baseline file.
 */
import * as path from 'node:path';
import { PROJECT, fixtureRegistry } from '../helpers/fixtures';
import {
  buildCheckReport,
  evaluateGates,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
  parseBaseline,
  toBaseline,
  BaselineError,
  VIOLATION_CATEGORIES,
  type CheckReport,
} from '../../src/report';
import { MAX_MARKDOWN_ROWS } from '../../src/report/markdown';
import { percent } from '../../src/report/wording';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { moduleKey } from '../../src/languages/javascript/resolve';
import type { FileResult, Finding } from '../../src/engine/results';
import type { FindingKind } from '../../src/transforms';
import type { SkipNote } from '../../src/runner/discover';

const registry = fixtureRegistry();
const app = (name: string): string => path.join(PROJECT, 'src', 'app', name);
const keyOf = (name: string): string => moduleKey(registry.resolver.resolveRegistryName(name)!);
const CONSOLIDATED = keyOf('src/agents/execution_engine_consolidated');
const ENGINE = `${keyOf('src/agents/supervisor/user_execution_engine')}#UserExecutionEngine`;
const CANONICAL_FORM = "'../agents/supervisor/user_execution_engine' UserExecutionEngine";
const LEGACY_FORM = "'../agents/execution_engine_consolidated' ExecutionEngine";

function finding(file: string, line: number, column: number, kind: FindingKind, message = `${kind} at ${line}:${column}`): Finding {
  return { file: app(file), line, column, kind, message };
}

function result(file: string, fields: Partial<FileResult>): FileResult {
  return { file: app(file), status: 'unchanged', findings: [], changedBy: [], sites: [], canonicalSites: 0, ...fields };
}

/** Numbers known by construction: 2 legacy paths, 1 alias, 1 `new`, 1 singleton; 3 canonical sites. */
function handBuiltResults(): FileResult[] {
  const repeated = finding('b.ts', 3, 1, 'legacy-path', 'still imported from the consolidated module');
  return [
    result('b.ts', {
      status: 'changed',
      output: '…',
      changedBy: ['consolidated-paths'],
      sites: [repeated, finding('b.ts', 1, 10, 'legacy-path')],
      findings: [{ ...repeated }], // a site that needs a human is both: listed once
      usage: { symbols: [{ symbol: ENGINE, form: LEGACY_FORM, canonical: false, line: 1 }], legacyModules: [CONSOLIDATED] },
    }),
    result('a.ts', {
      sites: [finding('a.ts', 4, 1, 'singleton'), finding('a.ts', 4, 1, 'direct-instantiation'), finding('a.ts', 2, 5, 'aliased-import')],
      findings: [finding('a.ts', 2, 5, 'conflict', 'UserExecutionEngine | <T> is already a name here')],
      canonicalSites: 3,
      usage: {
        symbols: [
          { symbol: ENGINE, form: CANONICAL_FORM, canonical: true, line: 1 },
          { symbol: ENGINE, form: CANONICAL_FORM, canonical: true, line: 2 },
        ],
        legacyModules: [CONSOLIDATED],
      },
    }),
    result('c.ts', { status: 'failed', findings: [finding('c.ts', 7, 3, 'parse-error', 'Unexpected token (7:3)')] }),
  ];
}

const NOTES: SkipNote[] = [{ file: app('blob.ts'), reason: 'binary (a NUL byte in its first 8 KB)' }];

describe('buildCheckReport', () => {
  const report = buildCheckReport(registry, handBuiltResults(), NOTES);

  it('marks the findings apply fixes: not a site reported for a human, nor one left for a conflict, nor in a failed file', () => {
    const report = buildCheckReport(registry, handBuiltResults(), []);
    const marks = report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind} ${f.fixable}`);
    expect(marks).toEqual([
      'src/app/a.ts:2:5 aliased-import false',
      'src/app/a.ts:2:5 conflict false',
      'src/app/a.ts:4:1 direct-instantiation true',
      'src/app/a.ts:4:1 singleton true',
      'src/app/b.ts:1:10 legacy-path true',
      'src/app/b.ts:3:1 legacy-path false',
    ]);
    expect(report.fixable).toBe(3);
    const failed = buildCheckReport(registry, [result('f.ts', { status: 'failed', sites: [finding('f.ts', 1, 1, 'legacy-path')] })], []);
    expect(failed.findings.map((f) => f.fixable)).toEqual([false]);
  });

  it('does not mark fixable a site left as it is for an import cycle or a mock, as for a conflict', () => {
    const left = buildCheckReport(registry, [result('d.ts', {
      sites: [finding('d.ts', 1, 10, 'legacy-path'), finding('d.ts', 2, 10, 'legacy-path'), finding('d.ts', 3, 10, 'legacy-path')],
      findings: [finding('d.ts', 1, 10, 'cycle', 'the canonical module loads this file'), finding('d.ts', 2, 10, 'mock-boundary', 'mocked in a setup file')],
    })], []);
    expect(left.findings.filter((f) => f.kind === 'legacy-path').map((f) => `${f.line} ${f.fixable}`)).toEqual(['1 false', '2 false', '3 true']);
    expect(left.fixable).toBe(1);
  });

  it('counts the sites per category, and canonical usage among import sites', () => {
    expect(report.violations).toEqual({ 'legacy-path': 2, 'aliased-import': 1, 'direct-instantiation': 1, singleton: 1 });
    expect(report.total).toBe(5);
    expect(report.canonicalSites).toBe(3);
    expect(report.canonicalUsage).toBeCloseTo(3 / (3 + 2 + 1));
  });

  it('calls usage complete when there is no import site at all', () => {
    const empty = buildCheckReport(registry, [], []);
    expect(empty.canonicalUsage).toBe(1);
    expect(empty.total).toBe(0);
  });

  it('lists every site and human finding once, sorted, with paths relative to the registry folder', () => {
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}`)).toEqual([
      'src/app/a.ts:2:5 aliased-import',
      'src/app/a.ts:2:5 conflict',
      'src/app/a.ts:4:1 direct-instantiation',
      'src/app/a.ts:4:1 singleton',
      'src/app/b.ts:1:10 legacy-path',
      'src/app/b.ts:3:1 legacy-path',
    ]);
    expect(report.findings[5].message).toBe('still imported from the consolidated module');
  });

  it('reports parse errors apart from the findings', () => {
    expect(report.errors).toEqual([{ file: 'src/app/c.ts', line: 7, column: 3, kind: 'parse-error', message: 'Unexpected token (7:3)' }]);
    expect(report.findings.some((f) => f.file === 'src/app/c.ts')).toBe(false);
  });

  it('counts importers of every legacy module, named as the registry names modules', () => {
    expect(report.legacyModules.map((m) => m.module)).toEqual([
      'lib/logging/legacy_logger',
      'src/agents/agent_errors',
      'src/agents/execution_engine_consolidated',
      'src/agents/execution_engine_legacy_adapter',
      'src/agents/execution_engine_unified_factory',
      'src/agents/task_queue_legacy',
      'src/common/format',
      'src/core/managers/execution_engine_factory',
      'src/ui/legacy_panels',
    ]);
    const consolidated = report.legacyModules.find((m) => m.module === 'src/agents/execution_engine_consolidated')!;
    expect(consolidated).toEqual({
      module: 'src/agents/execution_engine_consolidated',
      importers: 2,
      files: ['src/app/a.ts', 'src/app/b.ts'],
      unchecked: [],
      loadedBy: [],
      safeToDelete: false,
    });
  });

  it('calls a module without importers safe to delete only when every file could be read', () => {
    // c.ts did not parse: it might import anything.
    expect(report.legacyModules.filter((m) => m.safeToDelete)).toEqual([]);
    const parsedAll = buildCheckReport(registry, handBuiltResults().slice(0, 2), []);
    const safe = parsedAll.legacyModules.filter((m) => m.safeToDelete).map((m) => m.module);
    expect(safe).toHaveLength(7);
    expect(safe).not.toContain('src/agents/execution_engine_consolidated');
    // Re-exported by its package's canonical index: never deletable, whoever imports it.
    expect(safe).not.toContain('src/common/format');
  });

  it('groups the forms each symbol is imported by, most used first', () => {
    const engine = report.patterns.find((p) => p.symbol === 'UserExecutionEngine')!;
    expect(engine).toEqual({
      symbol: 'UserExecutionEngine',
      module: 'src/agents/supervisor/user_execution_engine',
      forms: [
        { form: CANONICAL_FORM, count: 2, canonical: true },
        { form: LEGACY_FORM, count: 1, canonical: false },
      ],
      distinct: 2,
    });
    expect(report.patterns.find((p) => p.symbol === 'AgentError')).toEqual({ symbol: 'AgentError', module: 'src/errors', forms: [], distinct: 0 });
    expect(report.patterns).toHaveLength(registry.symbols.length);
  });

  it('lists skipped files and counts files by outcome', () => {
    expect(report.skipped).toEqual([{ file: 'src/app/blob.ts', reason: 'binary (a NUL byte in its first 8 KB)' }]);
    expect(report.files).toEqual({ scanned: 3, measured: 2, changed: 1, failed: 1, skipped: 1 });
  });
});

describe('buildCheckReport on the real engine', () => {
  const sources: Record<string, string> = {
    'handler.ts': `import { ExecutionEngine, EngineContext } from '../agents/execution_engine_consolidated';

export function handle(context: EngineContext): string {
  return new ExecutionEngine(context).run('handle');
}
`,
    'singleton.ts': `import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const sharedEngine = new ExecutionEngine({ userId: 'shared' });
`,
    'aliased.ts': `import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export const engines: Engine[] = [];
`,
    'canonical.ts': `import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export type Engines = UserExecutionEngine[];
`,
    'quiet.ts': 'export const answer = 42;\n',
    'broken.ts': `import { ExecutionEngine } from '../agents/execution_engine_consolidated';
export const = ;
`,
  };
  const results = Object.entries(sources).map(([name, source]) =>
    transformFile({ path: app(name), source, registry, transforms: selectTransforms(), mode: 'measure' }),
  );
  const report = buildCheckReport(registry, results, []);

  it('counts exactly the sites the engine found', () => {
    for (const category of VIOLATION_CATEGORIES) {
      const sites = results.flatMap((r) => r.sites).filter((s) => s.kind === category);
      expect([category, report.violations[category]]).toEqual([category, sites.length]);
    }
    expect(report.violations.singleton).toBeGreaterThanOrEqual(1);
    expect(report.violations['aliased-import']).toBeGreaterThanOrEqual(1);
    expect(report.total).toBe(results.flatMap((r) => r.sites).length);
  });

  it('locates findings and errors relative to the registry folder', () => {
    expect(report.findings.find((f) => f.kind === 'singleton')).toMatchObject({ file: 'src/app/singleton.ts', line: 3 });
    expect(report.findings.find((f) => f.kind === 'aliased-import')).toMatchObject({ file: 'src/app/aliased.ts', line: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'src/app/broken.ts', line: 2, kind: 'parse-error' })]);
    for (const item of [...report.findings, ...report.errors]) expect(path.isAbsolute(item.file)).toBe(false);
  });

  it('measures importers and import forms', () => {
    const consolidated = report.legacyModules.find((m) => m.module === 'src/agents/execution_engine_consolidated')!;
    expect(consolidated.files).toEqual(['src/app/handler.ts', 'src/app/singleton.ts']);
    const engine = report.patterns.find((p) => p.symbol === 'UserExecutionEngine')!;
    expect(engine.forms).toContainEqual({ form: CANONICAL_FORM, count: 1, canonical: true });
    expect(engine.distinct).toBeGreaterThanOrEqual(3);
    expect(report.canonicalUsage).toBeGreaterThan(0);
    expect(report.canonicalUsage).toBeLessThan(1);
  });
});

describe('buildCheckReport: what counts as canonical, and what is listed but never counted', () => {
  const sources: Record<string, string> = {
    // The target of a module move (modules[].to) imported: a canonical site, once per declaration.
    'factory-user.ts': `import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const make = createUserExecutionEngine;
`,
    // A registry symbol of that module beside it: still one canonical site, not two.
    'factory-class.ts': `import { ExecutionEngineFactory, createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const factories = [ExecutionEngineFactory, createUserExecutionEngine];
`,
    // A name the registry does not map, beside one it does: one legacy-path, one unmapped name.
    'flag.ts': `import { LEGACY_ENGINE_FLAG, EngineContext } from '../agents/execution_engine_consolidated';

export const context: EngineContext | null = LEGACY_ENGINE_FLAG ? { userId: 'flagged' } : null;
`,
    // A conflict: listed, not counted.
    'conflict.ts': `import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export class UserExecutionEngine extends Engine {}
`,
  };
  const results = Object.entries(sources).map(([name, source]) =>
    transformFile({ path: app(name), source, registry, transforms: selectTransforms(), mode: 'measure' }),
  );
  const report = buildCheckReport(registry, results, []);

  it('counts imports of a moved-to module as canonical sites', () => {
    expect(report.canonicalSites).toBe(2);
    expect(report.canonicalUsage).toBeCloseTo(2 / (2 + 1 + 1));
  });

  it('puts names the registry does not map in their own category, listed and counted apart from the violations', () => {
    expect(report.violations).toEqual({ 'legacy-path': 1, 'aliased-import': 1, 'direct-instantiation': 0, singleton: 0 });
    expect(report.total).toBe(2);
    expect(report.informational).toEqual({ 'unmapped-name': 1, conflict: 1, cycle: 0, 'mock-boundary': 0 });
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}`)).toEqual([
      'src/app/conflict.ts:1:10 aliased-import',
      'src/app/conflict.ts:1:10 conflict',
      'src/app/flag.ts:1:10 unmapped-name',
      'src/app/flag.ts:1:30 legacy-path',
    ]);
    expect(evaluateGates(report, { maxViolations: 2 }).passed).toBe(true);
  });

  it('says in the dashboard why the findings outnumber the violations', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain('SSOT check: 2 violations');
    expect(text).toMatch(/not counted\s+2\s+1 unmapped-name, 1 conflict/);
    expect(text).toContain('Findings (4: 2 violations, 1 unmapped-name, 1 conflict)');
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('Not counted (listed with the findings): 1 unmapped-name, 1 conflict.');
    expect(markdown).toContain('<summary>4 findings (2 violations, 1 unmapped-name, 1 conflict): ');
  });
});

describe('formats', () => {
  const report = buildCheckReport(registry, handBuiltResults().slice(0, 2), NOTES);
  const ESC = '\u001b[';

  it('json: the report itself, parseable', () => {
    const json = JSON.parse(formatJson(report)) as CheckReport;
    expect(json).toEqual(report);
    for (const key of ['violations', 'total', 'canonicalUsage', 'findings', 'legacyModules']) expect(json).toHaveProperty(key);
  });

  describe('text', () => {
    const plain = formatText(report, { color: false });

    it('shows counts, total against the target, usage, patterns, legacy modules and each finding', () => {
      expect(plain).toMatch(/legacy-path\s+2\n/);
      expect(plain).toMatch(/singleton\s+1\n/);
      expect(plain).toMatch(/total\s+5\s+target 0/);
      expect(plain).toMatch(/canonical usage\s+50\.0%/);
      expect(plain).toContain('UserExecutionEngine (src/agents/supervisor/user_execution_engine): 2 forms');
      expect(plain).toMatch(/src\/agents\/execution_engine_consolidated\s+2 importers\n/);
      expect(plain).toMatch(/src\/agents\/agent_errors\s+0 importers\s+safe to delete/);
      expect(plain).toContain('src/app/a.ts:2:5: aliased-import: aliased-import at 2:5');
      expect(plain).toContain('src/app/blob.ts: binary');
      expect(plain.indexOf('src/app/a.ts:2:5')).toBeLessThan(plain.indexOf('src/app/b.ts:1:10'));
    });

    it('explains why no module is marked safe to delete while a file does not parse', () => {
      expect(plain).not.toContain('No module is marked safe to delete');
      const withParseError = formatText(buildCheckReport(registry, handBuiltResults(), []), { color: false });
      expect(withParseError).toContain('No module is marked safe to delete');
      expect(withParseError).not.toMatch(/0 importers\s+safe to delete/);
      expect(withParseError).toContain('src/app/c.ts:7:3: parse-error: Unexpected token (7:3)');
    });

    it('never rounds a shortfall up to 100%', () => {
      expect(percent(0.99996)).toBe('99.9%');
      expect(percent(1)).toBe('100.0%');
      expect(percent(1 / 3)).toBe('33.3%');
    });

    it('uses the target it is given', () => {
      expect(formatText(report, { color: false, target: 10 })).toMatch(/total\s+5\s+target 10/);
    });

    it('colours only when asked, and colour adds nothing but escape codes', () => {
      expect(plain).not.toContain(ESC);
      const coloured = formatText(report, { color: true });
      expect(coloured).toContain(ESC);
      expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
    });
  });

  describe('markdown', () => {
    const markdown = formatMarkdown(report);

    it('has a summary table, patterns, legacy modules and folded findings', () => {
      expect(markdown).toContain('| legacy-path | 2 |');
      expect(markdown).toContain('| **Total** | **5** |');
      expect(markdown).toContain('Canonical usage: **50.0%**');
      expect(markdown).toContain("`'../agents/supervisor/user_execution_engine' UserExecutionEngine` (canonical)");
      expect(markdown).toContain('| `src/agents/agent_errors` | 0 | ✅ safe to delete |');
      expect(markdown).toMatch(/<details><summary>6 findings \(5 violations, 1 conflict\): 3 of 6 fixable by apply \(✓\), 3 need a human \(!\)<\/summary>\n\n```text\n[^`]*^! src\/app\/a\.ts:2:5: aliased-import: aliased-import at 2:5$[^`]*```\n\n<\/details>/m);
    });

    it('keeps what would break a table row or open an HTML tag inside a code block, and no backtick run can close it', () => {
      const block = /```text\n([\s\S]*?)\n```\n/g;
      const lines = [...markdown.matchAll(block)].flatMap((m) => m[1].split('\n'));
      expect(lines).toContain('! src/app/a.ts:2:5: conflict: UserExecutionEngine | <T> is already a name here');
      const ticks = formatMarkdown(buildCheckReport(registry, [result('t.ts', { sites: [finding('t.ts', 1, 1, 'legacy-path', 'a ```` b')] })], []));
      expect(ticks).toMatch(/^`````text\n✓ src\/app\/t\.ts:1:1: legacy-path: a ```` b\n`````$/m);
    });

    it('cuts very long lists and says where the rest is', () => {
      const many = Array.from({ length: MAX_MARKDOWN_ROWS + 5 }, (_, i) => finding('many.ts', i + 1, 1, 'legacy-path'));
      const big = formatMarkdown(buildCheckReport(registry, [result('many.ts', { sites: many })], []));
      expect(big.match(/^✓ src\/app\/many\.ts:/gm)).toHaveLength(MAX_MARKDOWN_ROWS);
      expect(big).toContain('…and 5 more');
    });
  });

  describe('sarif', () => {
    const withError = buildCheckReport(registry, [...handBuiltResults(), result('dir with space/d.ts', { sites: [finding('dir with space/d.ts', 1, 2, 'legacy-path')] })], NOTES);
    const sarif = JSON.parse(formatSarif(withError, '1.2.3'));
    const run = sarif.runs[0];

    it('has the fields SARIF 2.1.0 requires', () => {
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
      expect(sarif.runs).toHaveLength(1);
      expect(run.tool.driver).toMatchObject({ name: 'ssot-codemod', version: '1.2.3' });
      expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
      for (const item of run.results) expect(typeof item.message.text).toBe('string');
      for (const item of run.invocations) expect(typeof item.executionSuccessful).toBe('boolean');
    });

    it('declares one rule per kind, and every result names one of them', () => {
      const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const kind of [...VIOLATION_CATEGORIES, 'conflict', 'parse-error', 'transform-bug']) expect(ids).toContain(kind);
      for (const rule of run.tool.driver.rules) expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      for (const item of run.results) expect(run.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId);
    });

    it('has one result per finding and error, at the right level', () => {
      expect(run.results).toHaveLength(withError.findings.length + withError.errors.length);
      const level = (ruleId: string): string[] => [...new Set<string>(run.results.filter((r: { ruleId: string }) => r.ruleId === ruleId).map((r: { level: string }) => r.level))];
      expect(level('legacy-path')).toEqual(['warning']);
      expect(level('singleton')).toEqual(['warning']);
      expect(level('conflict')).toEqual(['note']);
      expect(level('parse-error')).toEqual(['error']);
      expect(run.invocations[0].executionSuccessful).toBe(false);
    });

    it('gives each rule a full description, help and a link to it, and each result a fingerprint that ignores its line', () => {
      for (const rule of run.tool.driver.rules) {
        expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
        expect(rule.helpUri).toBe(`https://www.npmjs.com/package/ssot-codemods#${rule.id}`);
      }
      const prints = run.results.map((r: any) => r.partialFingerprints['ssotFinding/v1'] as string);
      expect(new Set(prints).size).toBe(prints.length);
      for (const print of prints) expect(print).toMatch(/^[0-9a-f]{32}:\d+$/);
      // The same findings two lines lower (code added above them) keep their fingerprints.
      const moved = handBuiltResults().map((r) => ({ ...r, sites: r.sites.map((f) => ({ ...f, line: f.line + 2 })), findings: r.findings.map((f) => ({ ...f, line: f.line + 2 })) }));
      const again = JSON.parse(formatSarif(buildCheckReport(registry, moved, []), '1.2.3')).runs[0].results;
      const original = JSON.parse(formatSarif(buildCheckReport(registry, handBuiltResults(), []), '1.2.3')).runs[0].results;
      expect(again.map((r: any) => r.partialFingerprints)).toEqual(original.map((r: any) => r.partialFingerprints));
      expect(run.results.find((r: any) => r.ruleId === 'singleton').properties).toEqual({ fixable: true });
    });

    it('locates results by relative, encoded URIs with 1-based regions', () => {
      const uris = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri as string);
      for (const uri of uris) {
        expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|\\/i);
      }
      expect(uris).toContain('src/app/dir%20with%20space/d.ts');
      const parseError = run.results.find((r: any) => r.ruleId === 'parse-error');
      expect(parseError.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 3 });
      expect(parseError.locations[0].physicalLocation.artifactLocation.uri).toBe('src/app/c.ts');
    });
  });
});

describe('gates and baselines', () => {
  const report = buildCheckReport(registry, handBuiltResults(), []);

  it('passes at or under --max-violations and fails above it, saying why', () => {
    expect(evaluateGates(report, { maxViolations: 5 })).toEqual({ passed: true, reasons: [] });
    const failed = evaluateGates(report, { maxViolations: 4 });
    expect(failed.passed).toBe(false);
    expect(failed.reasons).toEqual(['5 violations, above the maximum of 4']);
    expect(evaluateGates(report, {}).passed).toBe(true);
  });

  it('fails when any category grows above the baseline, even if the total shrank', () => {
    expect(evaluateGates(report, { baseline: toBaseline(report) }).passed).toBe(true);
    const baseline = { version: 1 as const, violations: { 'legacy-path': 1, 'aliased-import': 9, 'direct-instantiation': 9, singleton: 9 }, total: 28 };
    expect(evaluateGates(report, { baseline })).toEqual({ passed: false, reasons: ["legacy-path: 2, above the baseline's 1"] });
  });

  it('never passes on zero files scanned, whatever the counts', () => {
    const empty = buildCheckReport(registry, [], []);
    expect(evaluateGates(empty, { maxViolations: 0 })).toEqual({ passed: false, reasons: ['no file was scanned, so nothing was measured'] });
    expect(evaluateGates(empty, { baseline: toBaseline(report) }).passed).toBe(false);
    expect(evaluateGates(empty, {}).passed).toBe(true);
  });

  it('writes a baseline that reads back the same', () => {
    const baseline = toBaseline(report);
    expect(baseline).toEqual({ version: 1, violations: report.violations, total: 5 });
    expect(parseBaseline(JSON.stringify(baseline), 'ssot-baseline.json')).toEqual(baseline);
  });

  it('counts a category missing from an older baseline as 0', () => {
    const parsed = parseBaseline('{ "version": 1, "violations": { "legacy-path": 3 } }', 'b.json');
    expect(parsed).toEqual({ version: 1, violations: { 'legacy-path': 3, 'aliased-import': 0, 'direct-instantiation': 0, singleton: 0 }, total: 3 });
  });

  it.each([
    ['{ not json', /^ci\/baseline\.json: not valid JSON/],
    ['[]', /^ci\/baseline\.json: expected a JSON object/],
    ['{ "version": 2, "violations": {} }', /^ci\/baseline\.json: \$\.version: expected 1, found 2/],
    ['{ "version": 1 }', /^ci\/baseline\.json: \$\.violations: expected an object/],
    ['{ "version": 1, "violations": { "legacy-paths": 1 } }', /\$\.violations\.legacy-paths: unknown category/],
    ['{ "version": 1, "violations": { "singleton": -1 } }', /\$\.violations\.singleton: expected a whole number/],
    ['{ "version": 1, "violations": {}, "total": "7" }', /\$\.total: expected a whole number/],
  ])('rejects %s with an error naming the file', (text, message) => {
    expect(() => parseBaseline(text, 'ci/baseline.json')).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'ci/baseline.json')).toThrow(message);
  });
});
