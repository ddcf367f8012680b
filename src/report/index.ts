/**
 * `check`'s report: built from the engine's per-file results, then shown as a terminal dashboard,
 * JSON, a pull-request comment or SARIF, and compared against the CI gates.
 * The pieces live in src/report/; this is the one module the CLI needs.
 */
import type { CheckReport } from './types';

export { buildCheckReport, CheckReportBuilder } from './build';
export { formatText, formatFindingLines, type TextOptions } from './text';
export { formatMarkdown, findingsBlock } from './markdown';
export { formatSarif } from './sarif';
export { evaluateGates, toBaseline, parseBaseline, BaselineError, type GateOptions, type GateResult } from './gates';
export * from './types';

/** The report as `--format json` prints it: stable key order, one trailing newline. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
