/**
 * Aggregates the engine's per-file results into `check`'s report: counts per category, canonical usage,
 * the findings, importers left per legacy module, and the import forms each symbol is reached by.
 */
import type { SkipNote } from '../runner/discover';
import { compareFindings, isFileError, type FileResult, type Finding } from '../engine/results';
import type { Registry } from '../registry/types';
import { moduleKey, moduleOfKey } from '../languages/language';
import { registryNameOf, relativeToRegistry } from '../registry/names';
import {
  INFORMATIONAL_KINDS,
  VIOLATION_CATEGORIES,
  countImportSites,
  type CheckReport,
  type LegacyModuleReport,
  type ReportError,
  type ReportFinding,
  type SymbolPatterns,
  type ViolationCategory,
  type ViolationCounts,
} from './types';
import { compareStrings as compare } from '../shared/paths';

/**
 * `elsewhere`: the results of the registry's other files (outside `include`, or the paths asked for); only
 * their references to legacy modules count, as importers.
 */
export function buildCheckReport(registry: Registry, results: FileResult[], notes: SkipNote[], elsewhere: FileResult[] = []): CheckReport {
  const names = new PathNames(registry);
  const violations = countViolations(results);
  const total = VIOLATION_CATEGORIES.reduce((sum, category) => sum + violations[category], 0);
  const canonicalSites = results.reduce((sum, result) => sum + result.canonicalSites, 0);
  const errors = collectErrors(results, names);
  const elsewhereErrors = collectErrors(elsewhere, names);
  const findings = collectFindings(results, names);
  return {
    violations,
    total,
    canonicalSites,
    canonicalUsage: canonicalUsage(canonicalSites, violations),
    findings,
    fixable: findings.filter((f) => f.fixable).length,
    informational: Object.fromEntries(INFORMATIONAL_KINDS.map((kind) => [kind, findings.filter((f) => f.kind === kind).length])),
    legacyModules: legacyModules(registry, results, elsewhere, names, [...errors, ...elsewhereErrors].some((e) => e.kind === 'parse-error')),
    patterns: patterns(registry, results, names),
    errors,
    skipped: [...notes.map((note) => ({ file: names.file(note.file), reason: note.reason })), ...elsewhereErrors.map(unreadImporter)].sort(byFileThen((n) => n.reason)),
    files: {
      scanned: results.length,
      measured: results.filter((r) => r.usage !== undefined).length,
      changed: results.filter((r) => r.status === 'changed').length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: notes.length,
    },
  };
}

function isViolation(kind: string): kind is ViolationCategory {
  return (VIOLATION_CATEGORIES as readonly string[]).includes(kind);
}

function countViolations(results: FileResult[]): ViolationCounts {
  const counts = Object.fromEntries(VIOLATION_CATEGORIES.map((c) => [c, 0])) as ViolationCounts;
  for (const site of results.flatMap((r) => r.sites)) if (isViolation(site.kind)) counts[site.kind]++;
  return counts;
}

/** The share of import sites already canonical; the import-site categories count those that are not. */
function canonicalUsage(canonicalSites: number, violations: ViolationCounts): number {
  const importSites = countImportSites(canonicalSites, violations);
  return importSites === 0 ? 1 : canonicalSites / importSites;
}

/**
 * Sites and findings overlap (a site that needs a human is both): each is listed once. A site is fixable
 * unless it needs a human: reported as a finding of its kind, or left for a conflict at the same place,
 * or in a file that failed.
 */
function collectFindings(results: FileResult[], names: PathNames): ReportFinding[] {
  const unique = new Map<string, ReportFinding>();
  for (const result of results) {
    const at = (f: Finding): string => `${f.line}:${f.column}`;
    const forHumans = new Set(result.findings.map((f) => `${at(f)}:${f.kind}`));
    const conflicts = new Set(result.findings.filter((f) => f.kind === 'conflict').map(at));
    const fixable = (site: Finding): boolean =>
      result.status !== 'failed' && !forHumans.has(`${at(site)}:${site.kind}`) && !conflicts.has(at(site));
    for (const [finding, isSite] of [...result.sites.map((f) => [f, true] as const), ...result.findings.map((f) => [f, false] as const)]) {
      if (isFileError(finding.kind)) continue;
      // The engine holds kinds as names; the catalog's test proves each transform reports only its row's.
      const kind = finding.kind as ReportFinding['kind'];
      const entry = { ...located(finding, names), kind, message: finding.message, fixable: isSite && fixable(finding) };
      unique.set(JSON.stringify(entry), entry);
    }
  }
  return [...unique.values()].sort(compareFindings);
}

function collectErrors(results: FileResult[], names: PathNames): ReportError[] {
  const errors = new Map<string, ReportError>();
  for (const finding of results.flatMap((r) => r.findings)) {
    if (!isFileError(finding.kind)) continue;
    const entry = { ...located(finding, names), kind: finding.kind, message: finding.message };
    errors.set(JSON.stringify(entry), entry);
  }
  return [...errors.values()].sort(compareFindings);
}

/** A file outside the files checked that does not parse: it might import a legacy module. */
function unreadImporter(error: ReportError): { file: string; reason: string } {
  return { file: error.file, reason: `not checked, and ${error.kind} at ${error.line}:${error.column}: it might still import a legacy module` };
}

function legacyModules(registry: Registry, results: FileResult[], elsewhere: FileResult[], names: PathNames, someUnparsed: boolean): LegacyModuleReport[] {
  const entries = new Map([...registry.legacyModules].map((key) => [key, { files: new Set<string>(), unchecked: new Set<string>(), loadedBy: new Set<string>() }]));
  for (const [list, checked] of [[results, true], [elsewhere, false]] as const) {
    for (const result of list) {
      for (const key of result.usage?.legacyModules ?? []) {
        const entry = entries.get(key);
        entry?.files.add(names.file(result.file));
        if (!checked) entry?.unchecked.add(names.file(result.file));
      }
    }
  }
  // A registry module's own file is never rewritten or measured: what it loads, it loads for good.
  for (const key of [...registry.canonicalModules, ...registry.legacyModules]) {
    for (const loaded of registry.resolver.imports(moduleOfKey(key))) {
      const entry = entries.get(moduleKey(loaded));
      if (!entry || moduleKey(loaded) === key) continue;
      entry.loadedBy.add(names.module(key));
      const loader = moduleOfKey(key);
      if (loader.kind === 'file') entry.files.add(names.file(loader.path));
    }
  }
  return [...entries]
    .map(([key, { files, unchecked, loadedBy }]) => {
      const sorted = (set: Set<string>): string[] => [...set].sort(compare);
      return {
        module: names.module(key), importers: files.size, files: sorted(files), unchecked: sorted(unchecked), loadedBy: sorted(loadedBy),
        safeToDelete: files.size === 0 && !someUnparsed,
      };
    })
    .sort((a, b) => compare(a.module, b.module));
}

/** Every registry symbol, in the registry's order, with the forms that reach it (most used first). */
function patterns(registry: Registry, results: FileResult[], names: PathNames): SymbolPatterns[] {
  const forms = new Map<string, Map<string, { count: number; canonical: boolean }>>();
  for (const usage of results.flatMap((r) => r.usage?.symbols ?? [])) {
    let bySymbol = forms.get(usage.symbol);
    if (!bySymbol) forms.set(usage.symbol, (bySymbol = new Map()));
    const form = bySymbol.get(usage.form) ?? { count: 0, canonical: usage.canonical };
    form.count++;
    bySymbol.set(usage.form, form);
  }
  return registry.symbols.map((symbol) => {
    const found = forms.get(`${moduleKey(symbol.module)}#${symbol.name}`) ?? new Map();
    const list = [...found]
      .map(([form, { count, canonical }]) => ({ form, count, canonical }))
      .sort((a, b) => b.count - a.count || compare(a.form, b.form));
    return { symbol: symbol.name, module: names.module(moduleKey(symbol.module)), forms: list, distinct: list.length };
  });
}

/** Paths as the report shows them: relative to the registry's folder, forward slashes (registry/names.ts). */
class PathNames {
  constructor(private readonly registry: Registry) {}

  file(file: string): string {
    return relativeToRegistry(this.registry, file);
  }

  /** A module key as the registry would name it (its language says how: `src/errors` for src/errors/index.ts), or a package's name. */
  module(key: string): string {
    return registryNameOf(this.registry, moduleOfKey(key));
  }
}

function located(finding: Finding, names: PathNames): { file: string; line: number; column: number } {
  return { file: names.file(finding.file), line: finding.line, column: finding.column };
}

function byFileThen<T extends { file: string }>(then: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compare(a.file, b.file) || compare(then(a), then(b));
}
