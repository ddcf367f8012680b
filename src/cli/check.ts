/**
 * `check`: measure fragmentation without writing anything, format the dashboard, and evaluate the CI
 * gates. Returns everything; the bin prints it and turns it into an exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverAndRunEach } from '../runner/file-runner';
import { TRANSFORM_ORDER } from '../transforms';
import {
  CheckReportBuilder, evaluateGates, formatJson, formatMarkdown, formatSarif, formatText, parseBaseline, toBaseline,
  type CheckReport, type GateResult,
} from '../report';
import { openSession, UsageError, type InterruptedState } from './session';
import type { SkipNote } from '../runner/discover';
import type { RegistryNote } from '../registry/types';

export type CheckFormat = 'text' | 'json' | 'markdown' | 'sarif';

export interface CheckOptions {
  cwd: string;
  config?: string;
  paths?: string[];
  format: CheckFormat;
  color: boolean;
  maxViolations?: number;
  baseline?: string;
  writeBaseline?: string;
  workers?: number;
  /** Per-file time limit (default DEFAULT_FILE_TIMEOUT_MS). */
  fileTimeoutMs?: number;
  toolVersion: string;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  report: CheckReport;
  /** The report in the chosen format. */
  output: string;
  gate: GateResult;
  /** A batch an interrupted run left (its journal, or its commit), found and left alone: `check` changes nothing. */
  interrupted: InterruptedState | null;
  /** What the registry says that could not be checked against the code. */
  notes: RegistryNote[];
}

export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  const { registry, interrupted } = openSession(options.config, options.cwd);
  const baseline = options.baseline ? readBaseline(path.resolve(options.cwd, options.baseline)) : undefined;
  // Each file's result is added to the report as it lands, in the order of the list, then dropped: on a
  // large tree, keeping every result until the end is what would set the peak of memory.
  const builder = new CheckReportBuilder(registry);
  const unread: SkipNote[] = [];
  const { notes } = await discoverAndRunEach(registry, {
    paths: options.paths,
    cwd: options.cwd,
    transforms: TRANSFORM_ORDER,
    mode: 'measure',
    elsewhere: true,
    // check starts no process, git included: the .gitignore files are read here.
    git: false,
    workers: options.workers,
    fileTimeoutMs: options.fileTimeoutMs,
    onProgress: options.onProgress,
  }, (run, outside) => {
    if (run.result && outside) builder.addElsewhere(run.result);
    else if (run.result) builder.add(run.result);
    else if (run.skip && !outside) unread.push({ file: run.file, reason: run.skip });
  });
  const report = builder.build([...notes, ...unread]);
  const gate = evaluateGates(report, { maxViolations: options.maxViolations, baseline });
  if (options.writeBaseline) {
    fs.writeFileSync(path.resolve(options.cwd, options.writeBaseline), JSON.stringify(toBaseline(report), null, 2) + '\n');
  }
  return { report, output: format(report, options), gate, interrupted, notes: registry.notes };
}

function readBaseline(file: string): ReturnType<typeof parseBaseline> {
  if (!fs.existsSync(file)) throw new UsageError(`--baseline ${file}: no such file (create it with --write-baseline)`);
  return parseBaseline(fs.readFileSync(file, 'utf8'), file);
}

function format(report: CheckReport, options: CheckOptions): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'sarif':
      return formatSarif(report, options.toolVersion);
    default:
      return formatText(report, { color: options.color, target: options.maxViolations });
  }
}
