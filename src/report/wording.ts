/** Wording shared by the human-readable formats. */
import type { CheckReport } from './types';

/** A module with no importer is not called safe to delete while some file did not parse: it might import it. */
export function withheldSafeToDelete(report: CheckReport): boolean {
  return report.legacyModules.some((m) => m.importers === 0 && !m.safeToDelete);
}

export const WITHHELD_NOTE = 'No module is marked safe to delete while some files do not parse: they might still import it.';

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
