/**
 * The shape of `check`'s report: what `--format json` prints, and what every other format and the CI
 * gates read. File paths in it are relative to the registry's folder, with forward slashes.
 */
import type { SkipNote } from '../runner/discover';
import { ENGINE_FINDINGS, type FileErrorKind } from '../engine/results';
import type { FindingKind } from '../transforms';
import { TRANSFORM_FINDINGS, type TransformFinding, type TransformFindingRule } from '../transforms';

/** The kinds a transform row marks as a `violation`. */
export type ViolationCategory = Extract<TransformFinding, { violation: string }>['kind'];

function categoriesOf(sites: NonNullable<TransformFindingRule['violation']>): ViolationCategory[] {
  return TRANSFORM_FINDINGS.filter((rule: TransformFindingRule) => rule.violation === sites).map((rule) => rule.kind as ViolationCategory);
}

const IMPORT_SITE_CATEGORIES = categoriesOf('import-site');

/**
 * The fragmentation `check` counts; `total` is their sum. Every format, the baseline and SARIF list them
 * in this order: import sites first, beside canonical usage which is measured against them, then use
 * sites; within each, in the order the transforms run.
 */
export const VIOLATION_CATEGORIES: readonly ViolationCategory[] = [...IMPORT_SITE_CATEGORIES, ...categoriesOf('use-site')];
export type ViolationCounts = Record<ViolationCategory, number>;

/**
 * The kinds of finding that are no violation (a name the registry does not map, a conflict): listed with
 * the findings and counted apart, never in `total` or a gate. The transforms' kinds first, then the engine's.
 */
export const INFORMATIONAL_KINDS: readonly string[] = [
  ...TRANSFORM_FINDINGS.filter((rule: TransformFindingRule) => !rule.violation),
  ...ENGINE_FINDINGS.filter((rule) => !('fileError' in rule)),
].map((rule) => rule.kind);

/** Import sites, canonical or not: what canonical usage is the share of. */
export function countImportSites(canonicalSites: number, violations: ViolationCounts): number {
  return IMPORT_SITE_CATEGORIES.reduce((sum, category) => sum + violations[category], canonicalSites);
}

/** A site to fix or a finding that needs a human (`conflict` explains why a site was left as it is). */
export interface ReportFinding {
  file: string;
  line: number;
  column: number;
  kind: Exclude<FindingKind, FileErrorKind>;
  message: string;
  /** `apply` rewrites this site; false for what needs a human (a site left as it is, a conflict). */
  fixable: boolean;
}

/**
 * A file that could not be parsed, whose rewrite would not parse (a bug of ours: nothing is written), or
 * that ran past the per-file time limit.
 */
export interface ReportError {
  file: string;
  line: number;
  column: number;
  kind: FileErrorKind;
  message: string;
}

export interface LegacyModuleReport {
  /** As the registry names it: a path relative to its folder without extension, or a package name. */
  module: string;
  /**
   * Files that still reference it, across the registry's folder: the files checked, the others (outside
   * `include`, or the paths asked for), and registry modules' own files (never rewritten, nor counted as sites).
   */
  importers: number;
  files: string[];
  /** Of `files`, those outside the files checked: not rewritten by `apply`, but importers all the same. */
  unchecked: string[];
  /** Registry modules (as the registry names them) whose own files load it: a canonical index's `export *`. */
  loadedBy: string[];
  /** No importer left, and no file failed to parse (one that did might still import it). */
  safeToDelete: boolean;
}

export interface ImportForm {
  /** `'<specifier>' <imported name>[ as <local name>]`. */
  form: string;
  count: number;
  /** The canonical module under the canonical name. */
  canonical: boolean;
}

export interface SymbolPatterns {
  symbol: string;
  module: string;
  /** Most used first. */
  forms: ImportForm[];
  /** How many different forms reach the symbol; 1 is the goal. */
  distinct: number;
}

export interface FileCounts {
  /** Files read and given to the engine. */
  scanned: number;
  /** Files parsed and measured (the others never mention the registry, or failed). */
  measured: number;
  /** Files that `apply` would rewrite. */
  changed: number;
  /** Files with a parse error or a transform bug. */
  failed: number;
  /** Not scanned: binary, too large, not UTF-8, links leading out. */
  skipped: number;
}

export interface CheckReport {
  violations: ViolationCounts;
  total: number;
  /** Import sites that already reach a registry symbol the canonical way. */
  canonicalSites: number;
  /** canonicalSites / (canonicalSites + legacy-path + aliased-import sites); 1 when there are none. */
  canonicalUsage: number;
  /** Sorted by file, line and column. */
  findings: ReportFinding[];
  /** How many of the findings `apply` fixes. */
  fixable: number;
  /** How many of the findings are of each kind that is no violation (INFORMATIONAL_KINDS): not in `total`. */
  informational: Record<string, number>;
  legacyModules: LegacyModuleReport[];
  patterns: SymbolPatterns[];
  errors: ReportError[];
  skipped: SkipNote[];
  files: FileCounts;
}

/** What `--write-baseline` saves and `--baseline` compares against. */
export interface Baseline {
  version: 1;
  violations: ViolationCounts;
  total: number;
}
