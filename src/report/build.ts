/**
 * Aggregates the engine's per-file results into `check`'s report: counts per category, canonical usage,
 * the findings, importers left per legacy module, and the import forms each symbol is reached by.
 */
import type { SkipNote } from '../runner/discover';
import { compareFindings, isFileError, leavesSiteAsItIs, type FileResult, type Finding } from '../engine/results';
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
  const builder = new CheckReportBuilder(registry);
  for (const result of results) builder.add(result);
  for (const result of elsewhere) builder.addElsewhere(result);
  return builder.build(notes);
}

/**
 * The report built one file's result at a time, keeping only what the report shows: the counts, the
 * findings and errors, the importers of each legacy module and the forms each symbol is reached by; no
 * result is kept once added, so a run over 100,000 files holds none of them (`check` adds each as it lands).
 * Results are added in the order of the file list, as `buildCheckReport` takes them: the first file to reach
 * a symbol by a form says whether that form is canonical.
 */
export class CheckReportBuilder {
  private readonly names: PathNames;
  private readonly violations = Object.fromEntries(VIOLATION_CATEGORIES.map((c) => [c, 0])) as ViolationCounts;
  private canonicalSites = 0;
  /** Sites and findings, each once (a site that needs a human is both): keyed by what the report shows. */
  private readonly findings = new Map<string, ReportFinding>();
  private readonly errors = new Map<string, ReportError>();
  private readonly elsewhereErrors = new Map<string, ReportError>();
  /** Per legacy module key: the files that reference it, those of them not checked. */
  private readonly importers: Map<string, { files: Set<string>; unchecked: Set<string> }>;
  /** Per symbol key, per form: how many times, and whether canonical (as the first file to use it says). */
  private readonly forms = new Map<string, Map<string, { count: number; canonical: boolean }>>();
  private readonly files = { scanned: 0, measured: 0, changed: 0, failed: 0 };

  constructor(private readonly registry: Registry) {
    this.names = new PathNames(registry);
    this.importers = new Map([...registry.legacyModules].map((key) => [key, { files: new Set<string>(), unchecked: new Set<string>() }]));
  }

  /** A file checked: counted, its findings listed. */
  add(result: FileResult): void {
    for (const site of result.sites) if (isViolation(site.kind)) this.violations[site.kind]++;
    this.canonicalSites += result.canonicalSites;
    // Most files have nothing to list: asked only of the others, collecting stays cold code (20,000 files:
    // 30 ms less of V8 compiling it, twice, for the many shapes results come in).
    if (result.findings.length > 0) collectErrors(result, this.names, this.errors);
    if (result.findings.length > 0 || result.sites.length > 0) collectFindings(result, this.names, this.findings);
    this.addImporter(result, true);
    for (const usage of result.usage?.symbols ?? []) {
      let bySymbol = this.forms.get(usage.symbol);
      if (!bySymbol) this.forms.set(usage.symbol, (bySymbol = new Map()));
      const form = bySymbol.get(usage.form) ?? { count: 0, canonical: usage.canonical };
      form.count++;
      bySymbol.set(usage.form, form);
    }
    this.files.scanned++;
    if (result.usage !== undefined) this.files.measured++;
    if (result.status === 'changed') this.files.changed++;
    if (result.status === 'failed') this.files.failed++;
  }

  /** A file of the registry's folder that was not checked: only its references to legacy modules count, and whether it parsed. */
  addElsewhere(result: FileResult): void {
    if (result.findings.length > 0) collectErrors(result, this.names, this.elsewhereErrors);
    this.addImporter(result, false);
  }

  private addImporter(result: FileResult, checked: boolean): void {
    for (const key of result.usage?.legacyModules ?? []) {
      const entry = this.importers.get(key);
      entry?.files.add(this.names.file(result.file));
      if (!checked) entry?.unchecked.add(this.names.file(result.file));
    }
  }

  /** The report of every result added; `notes`: the files not scanned. */
  build(notes: SkipNote[]): CheckReport {
    const { registry, names, violations } = this;
    const total = VIOLATION_CATEGORIES.reduce((sum, category) => sum + violations[category], 0);
    const errors = [...this.errors.values()].sort(compareFindings);
    const elsewhereErrors = [...this.elsewhereErrors.values()].sort(compareFindings);
    const findings = [...this.findings.values()].sort(compareFindings);
    return {
      violations: { ...violations },
      total,
      canonicalSites: this.canonicalSites,
      canonicalUsage: canonicalUsage(this.canonicalSites, violations),
      findings,
      fixable: findings.filter((f) => f.fixable).length,
      informational: Object.fromEntries(INFORMATIONAL_KINDS.map((kind) => [kind, findings.filter((f) => f.kind === kind).length])),
      legacyModules: legacyModules(registry, this.importers, names, [...errors, ...elsewhereErrors].some((e) => e.kind === 'parse-error')),
      patterns: patterns(registry, this.forms, names),
      errors,
      skipped: [...notes.map((note) => ({ file: names.file(note.file), reason: note.reason })), ...elsewhereErrors.map(unreadImporter)].sort(byFileThen((n) => n.reason)),
      files: { ...this.files, skipped: notes.length },
    };
  }
}

function isViolation(kind: string): kind is ViolationCategory {
  return (VIOLATION_CATEGORIES as readonly string[]).includes(kind);
}

/** The share of import sites already canonical; the import-site categories count those that are not. */
function canonicalUsage(canonicalSites: number, violations: ViolationCounts): number {
  const importSites = countImportSites(canonicalSites, violations);
  return importSites === 0 ? 1 : canonicalSites / importSites;
}

/**
 * Sites and findings overlap (a site that needs a human is both): each is listed once. A site is fixable
 * unless it needs a human: reported as a finding of its kind, or left as it is at the same place (for a
 * conflict, an import cycle or a mock), or in a file that failed.
 */
function collectFindings(result: FileResult, names: PathNames, unique: Map<string, ReportFinding>): void {
  const at = (f: Finding): string => `${f.line}:${f.column}`;
  const forHumans = new Set(result.findings.map((f) => `${at(f)}:${f.kind}`));
  const leftAsItIs = new Set(result.findings.filter((f) => leavesSiteAsItIs(f.kind)).map(at));
  const fixable = (site: Finding): boolean =>
    result.status !== 'failed' && !forHumans.has(`${at(site)}:${site.kind}`) && !leftAsItIs.has(at(site));
  for (const [finding, isSite] of [...result.sites.map((f) => [f, true] as const), ...result.findings.map((f) => [f, false] as const)]) {
    if (isFileError(finding.kind)) continue;
    // The engine holds kinds as names; the catalog's test proves each transform reports only its row's.
    const kind = finding.kind as ReportFinding['kind'];
    const entry = { ...located(finding, names), kind, message: finding.message, fixable: isSite && fixable(finding) };
    unique.set(JSON.stringify(entry), entry);
  }
}

function collectErrors(result: FileResult, names: PathNames, errors: Map<string, ReportError>): void {
  for (const finding of result.findings) {
    if (!isFileError(finding.kind)) continue;
    const entry = { ...located(finding, names), kind: finding.kind, message: finding.message };
    errors.set(JSON.stringify(entry), entry);
  }
}

/** A file outside the files checked that does not parse: it might import a legacy module. */
function unreadImporter(error: ReportError): { file: string; reason: string } {
  return { file: error.file, reason: `not checked, and ${error.kind} at ${error.line}:${error.column}: it might still import a legacy module` };
}

type Importers = ReadonlyMap<string, { files: ReadonlySet<string>; unchecked: ReadonlySet<string> }>;
type Forms = ReadonlyMap<string, ReadonlyMap<string, { count: number; canonical: boolean }>>;

function legacyModules(registry: Registry, importers: Importers, names: PathNames, someUnparsed: boolean): LegacyModuleReport[] {
  const entries = new Map([...importers].map(([key, { files, unchecked }]) => [key, { files: new Set(files), unchecked, loadedBy: new Set<string>() }]));
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
      const sorted = (set: ReadonlySet<string>): string[] => [...set].sort(compare);
      return {
        module: names.module(key), importers: files.size, files: sorted(files), unchecked: sorted(unchecked), loadedBy: sorted(loadedBy),
        safeToDelete: files.size === 0 && !someUnparsed,
      };
    })
    .sort((a, b) => compare(a.module, b.module));
}

/** Every registry symbol, in the registry's order, with the forms that reach it (most used first). */
function patterns(registry: Registry, forms: Forms, names: PathNames): SymbolPatterns[] {
  return registry.symbols.map((symbol) => {
    const found = forms.get(`${moduleKey(symbol.module)}#${symbol.name}`) ?? new Map<string, { count: number; canonical: boolean }>();
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
