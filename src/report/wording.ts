/** Wording shared by the human-readable formats. */
import { INFORMATIONAL_KINDS, type CheckReport, type LegacyModuleReport } from './types';

/** A module with no importer is not called safe to delete while some file did not parse: it might import it. */
export function withheldSafeToDelete(report: CheckReport): boolean {
  return report.legacyModules.some((m) => m.importers === 0 && !m.safeToDelete);
}

export const WITHHELD_NOTE = 'No module is marked safe to delete while some files do not parse: they might still import it.';

/** The findings that are no violation, per kind: `1 unmapped-name, 1 conflict`; empty when there are none. */
export function notCounted(report: CheckReport): string {
  return INFORMATIONAL_KINDS.filter((kind) => report.informational[kind] > 0).map((kind) => `${report.informational[kind]} ${kind}`).join(', ');
}

/** What the findings list holds, when it holds more than violations: `2 violations, 1 conflict`. */
export function findingsBreakdown(report: CheckReport): string {
  const others = notCounted(report);
  if (!others) return '';
  const informational = INFORMATIONAL_KINDS.reduce((sum, kind) => sum + report.informational[kind], 0);
  return `${plural(report.findings.length - informational, 'violation')}, ${others}`;
}

/** Why a legacy module with importers is kept, beyond the files checked: `loaded by src/geometry; 1 outside the files checked`. */
export function legacyDetails(legacy: LegacyModuleReport): string {
  const parts: string[] = [];
  if (legacy.loadedBy.length > 0) parts.push(`loaded by ${legacy.loadedBy.join(', ')}`);
  if (legacy.unchecked.length > 0) parts.push(`${legacy.unchecked.length} outside the files checked`);
  return parts.join('; ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** 0.3333 → `33.3%`; never rounds a shortfall up to 100%. */
export function percent(fraction: number): string {
  const tenths = Math.floor(fraction * 1000 + 1e-9) / 10;
  return `${tenths.toFixed(1)}%`;
}

/** Before each finding of the dashboards: `apply` fixes it, or it needs a human. */
export const FIXABLE_MARK = '✓';
export const NEEDS_HUMAN_MARK = '!';

/** `12 of 19 fixable by apply (✓), 7 need a human (!)`. */
export function fixableSummary(report: CheckReport): string {
  const fixable = report.findings.filter((f) => f.fixable).length;
  const human = report.findings.length - fixable;
  return `${fixable} of ${report.findings.length} fixable by apply (${FIXABLE_MARK}), ${human} need${human === 1 ? 's' : ''} a human (${NEEDS_HUMAN_MARK})`;
}
