/**
 * `check`'s report: built from the engine's per-file results, then shown as a terminal dashboard,
 * JSON, a pull-request comment or SARIF, and compared against the CI gates.
 * The pieces live in src/report/; this is the one module the CLI needs.
 */
import type { CheckReport } from './report/types';

export { buildCheckReport } from './report/build';
export { formatText, type TextOptions } from './report/text';
export { formatMarkdown } from './report/markdown';
export { formatSarif } from './report/sarif';
export { evaluateGates, toBaseline, parseBaseline, BaselineError, type GateOptions, type GateResult } from './report/gates';
export * from './report/types';

/** The report as `--format json` prints it: stable key order, one trailing newline. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
