/**
 * `check` as a pull-request comment (GitHub-flavoured Markdown): a summary table, import forms per
 * symbol, legacy modules, and the long lists folded into <details>.
 */
import { findingsBreakdown, legacyDetails, notCounted, percent, plural, withheldSafeToDelete, WITHHELD_NOTE } from './wording';
import { VIOLATION_CATEGORIES, countImportSites, type CheckReport } from './types';

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

  const findings = report.findings.map((f) => `| ${code(`${f.file}:${f.line}:${f.column}`)} | ${f.kind} | ${cell(f.message)} |`);
  const breakdown = findingsBreakdown(report);
  details(out, plural(report.findings.length, 'finding') + (breakdown ? ` (${breakdown})` : ''), ['| Location | Kind | Message |', '| --- | --- | --- |'], findings);
  const errors = report.errors.map((e) => `| ${code(`${e.file}:${e.line}:${e.column}`)} | ${e.kind} | ${cell(e.message)} |`);
  details(out, plural(report.errors.length, 'error'), ['| Location | Kind | Message |', '| --- | --- | --- |'], errors);
  const skipped = report.skipped.map((n) => `| ${code(n.file)} | ${cell(n.reason)} |`);
  details(out, `${plural(report.skipped.length, 'file')} skipped`, ['| File | Why |', '| --- | --- |'], skipped);
  return `${out.join('\n')}\n`;
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
