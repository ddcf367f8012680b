/**
 * The terminal dashboard of `check`: counts per category against the target, canonical usage, import
 * forms per symbol, importers left per legacy module, then one `path:line:column: kind: message` line per
 * finding (a form editors and terminals turn into links), marked ✓ where `apply` fixes it.
 */
import { VIOLATION_CATEGORIES, countImportSites, type CheckReport } from './types';
import { compareFindings, findingLine } from '../engine/results';
import { fixableSummary, FIXABLE_MARK, NEEDS_HUMAN_MARK } from './wording';
import { findingsBreakdown, legacyDetails, notCounted, percent, plural, withheldSafeToDelete, WITHHELD_NOTE } from './wording';

export interface TextOptions {
  /** ANSI colours; the CLI passes true only on a TTY. */
  color: boolean;
  /** The total aimed at (`--max-violations`); 0, the single source of truth, when not given. */
  target?: number;
}

type Paint = (text: string) => string;

function painter(color: boolean): Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', Paint> {
  const ansi = (open: number, close: number): Paint => (text) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), green: ansi(32, 39), yellow: ansi(33, 39), cyan: ansi(36, 39) };
}

export function formatText(report: CheckReport, options: TextOptions): string {
  const paint = painter(options.color);
  const target = options.target ?? 0;
  const lines: string[] = [];
  const section = (title: string): void => {
    lines.push('', paint.bold(title));
  };

  const overTarget = report.total > target;
  lines.push(paint.bold(`SSOT check: ${plural(report.total, 'violation')}`) + ` (target ${target})`);
  lines.push('');
  const label = (text: string): string => `  ${text.padEnd(22)}`;
  for (const category of VIOLATION_CATEGORIES) {
    const count = report.violations[category];
    lines.push(label(category) + (count > 0 ? paint.yellow : paint.green)(String(count).padStart(7)));
  }
  lines.push(paint.dim(`  ${'-'.repeat(29)}`));
  lines.push(label('total') + (overTarget ? paint.red : paint.green)(String(report.total).padStart(7)) + `   target ${target}`);
  const importSites = countImportSites(report.canonicalSites, report.violations);
  lines.push(
    label('canonical usage') + percent(report.canonicalUsage).padStart(7) + paint.dim(`   ${report.canonicalSites} of ${plural(importSites, 'import site')}`),
  );
  const others = notCounted(report);
  if (others) {
    const count = Object.values(report.informational).reduce((sum, n) => sum + n, 0);
    lines.push(label('not counted') + String(count).padStart(7) + paint.dim(`   ${others}: listed with the findings, never in the total`));
  }

  const used = report.patterns.filter((p) => p.distinct > 0);
  if (used.length > 0) {
    section('Import patterns');
    for (const symbol of used) {
      const forms = symbol.distinct === 1 ? paint.green('1 form') : paint.yellow(plural(symbol.distinct, 'form'));
      lines.push(`  ${paint.bold(symbol.symbol)} ${paint.dim(`(${symbol.module})`)}: ${forms}`);
      for (const form of symbol.forms) {
        lines.push(`  ${String(form.count).padStart(6)}  ${form.form}${form.canonical ? paint.green('  canonical') : ''}`);
      }
    }
  }

  if (report.legacyModules.length > 0) {
    section('Legacy modules');
    const width = Math.max(...report.legacyModules.map((m) => m.module.length));
    for (const legacy of report.legacyModules) {
      const mark = legacy.safeToDelete ? paint.green('  safe to delete') : paint.dim(legacyDetails(legacy) ? `  ${legacyDetails(legacy)}` : '');
      lines.push(`  ${legacy.module.padEnd(width)}  ${plural(legacy.importers, 'importer').padStart(12)}${mark}`);
    }
    if (withheldSafeToDelete(report)) lines.push(paint.dim(`  ${WITHHELD_NOTE}`));
  }

  if (report.findings.length > 0) {
    const breakdown = findingsBreakdown(report);
    section(`Findings (${report.findings.length}${breakdown ? `: ${breakdown}` : ''}): ${fixableSummary(report)}`);
    for (const f of report.findings) {
      const kind = f.kind === 'conflict' ? paint.cyan : paint.yellow;
      lines.push(`  ${f.fixable ? paint.green(FIXABLE_MARK) : NEEDS_HUMAN_MARK} ${findingLine({ ...f, kind: kind(f.kind) })}`);
    }
  }
  if (report.errors.length > 0) {
    section(paint.red(`Errors (${report.errors.length})`));
    for (const e of report.errors) lines.push(`  ${NEEDS_HUMAN_MARK} ${findingLine({ ...e, kind: paint.red(e.kind) })}`);
  }
  if (report.skipped.length > 0) {
    section(`Skipped (${report.skipped.length})`);
    for (const note of report.skipped) lines.push(`  ${note.file}: ${paint.dim(note.reason)}`);
  }

  const files = report.files;
  lines.push(
    '',
    paint.dim(
      `Files: ${files.scanned} scanned, ${files.measured} measured, ${files.changed} to rewrite, ${files.failed} failed, ${files.skipped} skipped`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** `--quiet`: the findings and the errors alone, one `path:line:column: kind: message` line each. */
export function formatFindingLines(report: CheckReport): string {
  return [...report.findings, ...report.errors].sort(compareFindings).map((f) => `${findingLine(f)}\n`).join('');
}
