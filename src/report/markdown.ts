/**
 * `check` as a pull-request comment (GitHub-flavoured Markdown): a summary table, import forms per
 * symbol, legacy modules, and the long lists folded into <details>.
 */
import {
  findingsBreakdown, fixableSummary, FIXABLE_MARK, legacyDetails, NEEDS_HUMAN_MARK, notCounted, percent, plural, withheldSafeToDelete, WITHHELD_NOTE,
} from './wording';
import { VIOLATION_CATEGORIES, countImportSites, type CheckReport, type ReportFinding } from './types';
import { findingLine, type Finding } from '../engine/results';

/** GitHub refuses comments over 65,536 characters: long lists are cut, and say where the rest is. */
export const MAX_MARKDOWN_ROWS = 200;

export function formatMarkdown(report: CheckReport): string {
  const out: string[] = [];
  out.push(`## SSOT check: ${plural(report.total, 'violation')}`, '');
  out.push('| Category | Sites |', '| --- | ---: |');
  for (const category of VIOLATION_CATEGORIES) out.push(`| ${category} | ${report.violations[category]} |`);
  out.push(`| **Total** | **${report.total}** |`, '');
  const importSites = countImportSites(report.canonicalSites, report.violations);
  out.push(`Canonical usage: **${percent(report.canonicalUsage)}** (${report.canonicalSites} of ${plural(importSites, 'import site')}).`);
  const others = notCounted(report);
  if (others) out.push('', `Not counted (listed with the findings): ${others}.`);

  const used = report.patterns.filter((p) => p.distinct > 0);
  if (used.length > 0) {
    out.push('', '### Import patterns', '', '| Symbol | Forms | Uses | Form |', '| --- | ---: | ---: | --- |');
    for (const symbol of used) {
      symbol.forms.forEach((form, i) => {
        const name = i === 0 ? `**${cell(symbol.symbol)}** (${code(symbol.module)})` : '';
        const forms = i === 0 ? String(symbol.distinct) : '';
        out.push(`| ${name} | ${forms} | ${form.count} | ${code(form.form)}${form.canonical ? ' (canonical)' : ''} |`);
      });
    }
  }

  if (report.legacyModules.length > 0) {
    out.push('', '### Legacy modules', '', '| Module | Importers | |', '| --- | ---: | --- |');
    for (const legacy of report.legacyModules) {
      out.push(`| ${code(legacy.module)} | ${legacy.importers} | ${legacy.safeToDelete ? '✅ safe to delete' : cell(legacyDetails(legacy))} |`);
    }
    if (withheldSafeToDelete(report)) out.push('', WITHHELD_NOTE);
  }

  const mark = (f: ReportFinding): string => (f.fixable ? FIXABLE_MARK : NEEDS_HUMAN_MARK);
  const breakdown = findingsBreakdown(report);
  findingsBlock(out, `${plural(report.findings.length, 'finding')}${breakdown ? ` (${breakdown})` : ''}: ${fixableSummary(report)}`, report.findings, mark);
  findingsBlock(out, plural(report.errors.length, 'error'), report.errors);
  const skipped = report.skipped.map((n) => `| ${code(n.file)} | ${cell(n.reason)} |`);
  details(out, `${plural(report.skipped.length, 'file')} skipped`, ['| File | Why |', '| --- | --- |'], skipped);
  return `${out.join('\n')}\n`;
}

/**
 * Findings in Markdown: the same `path:line:column: kind: message` lines as every other output, in a
 * folded code block (cut at MAX_MARKDOWN_ROWS, saying where the rest is).
 */
export function findingsBlock<F extends Finding>(out: string[], title: string, findings: readonly F[], mark?: (finding: F) => string): void {
  if (findings.length === 0) return;
  const lines = findings.slice(0, MAX_MARKDOWN_ROWS).map((f) => (mark ? `${mark(f)} ` : '') + findingLine(f).replace(/\r?\n/g, ' '));
  // A fence longer than any run of backticks inside, so no line can close it.
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  out.push('', `<details><summary>${title}</summary>`, '', `${fence}text`, ...lines, fence);
  if (findings.length > lines.length) {
    out.push('', `…and ${findings.length - lines.length} more: run \`ssot-codemod check --format json\` for all of them.`);
  }
  out.push('', '</details>');
}

function details(out: string[], summary: string, header: string[], rows: string[]): void {
  if (rows.length === 0) return;
  const shown = rows.slice(0, MAX_MARKDOWN_ROWS);
  out.push('', `<details><summary>${summary}</summary>`, '', ...header, ...shown);
  if (rows.length > shown.length) {
    out.push('', `…and ${rows.length - shown.length} more: run \`ssot-codemod check --format json\` for all of them.`);
  }
  out.push('', '</details>');
}

/** Text in a table cell: `|` would end the cell, `<` could open an HTML tag, a newline would end the row. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A code span that survives any backticks inside it, and stays in its table cell. */
function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
