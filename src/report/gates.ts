/**
 * The CI gates of `check`: a ceiling on the total (`--max-violations`), and a baseline that no category
 * may grow above (`--baseline`, written by `--write-baseline`), so fragmentation never grows back.
 */
import { VIOLATION_CATEGORIES, type Baseline, type CheckReport, type ViolationCounts } from './types';
import { UserError } from '../shared/errors';

export interface GateOptions {
  maxViolations?: number;
  baseline?: Baseline;
}

export interface GateResult {
  passed: boolean;
  /** One sentence per failed gate; empty when passed. */
  reasons: string[];
}

export function evaluateGates(report: CheckReport, options: GateOptions): GateResult {
  const reasons: string[] = [];
  // Zero violations in zero files proves nothing: a path typo must not pass CI.
  if ((options.maxViolations !== undefined || options.baseline) && report.files.scanned === 0) {
    reasons.push('no file was scanned, so nothing was measured');
  }
  if (options.maxViolations !== undefined && report.total > options.maxViolations) {
    reasons.push(`${report.total} violations, above the maximum of ${options.maxViolations}`);
  }
  if (options.baseline) {
    for (const category of VIOLATION_CATEGORIES) {
      const now = report.violations[category];
      const before = options.baseline.violations[category];
      if (now > before) reasons.push(`${category}: ${now}, above the baseline's ${before}`);
    }
  }
  return { passed: reasons.length === 0, reasons };
}

export function toBaseline(report: CheckReport): Baseline {
  return { version: 1, violations: { ...report.violations }, total: report.total };
}

/** A baseline file that cannot be used; the message names the file and what is wrong. */
export class BaselineError extends UserError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'BaselineError';
  }
}

/**
 * Reads a baseline written by `--write-baseline`. A category it does not list counts as 0 (it was
 * written before that category existed); an unknown one is an error, as it is surely a typo.
 */
export function parseBaseline(text: string, file: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(file, `not valid JSON (${(error as Error).message}); expected a baseline written by --write-baseline`);
  }
  if (!isObject(json)) throw new BaselineError(file, 'expected a JSON object { "version": 1, "violations": {…}, "total": n }');
  if (json.version !== 1) throw new BaselineError(file, `$.version: expected 1, found ${JSON.stringify(json.version)}`);
  if (!isObject(json.violations)) throw new BaselineError(file, '$.violations: expected an object of counts per category');

  const violations = Object.fromEntries(VIOLATION_CATEGORIES.map((c) => [c, 0])) as ViolationCounts;
  for (const [category, count] of Object.entries(json.violations)) {
    if (!(VIOLATION_CATEGORIES as readonly string[]).includes(category)) {
      throw new BaselineError(file, `$.violations.${category}: unknown category (expected one of: ${VIOLATION_CATEGORIES.join(', ')})`);
    }
    if (!isCount(count)) throw new BaselineError(file, `$.violations.${category}: expected a whole number ≥ 0, found ${JSON.stringify(count)}`);
    violations[category as keyof ViolationCounts] = count;
  }
  const sum = VIOLATION_CATEGORIES.reduce((total, c) => total + violations[c], 0);
  if (json.total !== undefined && !isCount(json.total)) {
    throw new BaselineError(file, `$.total: expected a whole number ≥ 0, found ${JSON.stringify(json.total)}`);
  }
  return { version: 1, violations, total: (json.total as number | undefined) ?? sum };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
