/** The summary of an `apply` run: data built from its plan and what became of each batch, and its formats. */
import type { SkipNote } from '../../runner/discover';
import { findingLine, type Finding } from '../../engine/results';
import type { TransformName } from '../../transforms';
import { transformsThatChanged, type ApplyPlan, type PlannedBatch } from './plan';
import type { BatchOutcome, StopReason, TransformCounts } from './outcome';
import { findingsBlock } from '../../report';
import { plural } from '../../report/wording';

export type { BatchOutcome, BatchStatus } from './outcome';

/** What became of the batches of a real run: true counts, whether it ran to the end or stopped. */
export interface BatchProgress {
  /** Batches written (and verified, when `--verify` was given), and their files. */
  written: number;
  filesWritten: number;
  committed: number;
  /** Batches rolled back (a failed verify, or a signal), and their files. */
  rolledBack: number;
  filesRolledBack: number;
  /** Batches that could not be written (nothing of them was). */
  failed: number;
  /** Batches of this run that never started, and their files. */
  notStarted: number;
  filesNotStarted: number;
}

/** Its fields are in the order `--format json` prints them. */
export interface ApplySummary {
  dryRun: boolean;
  transforms: TransformName[];
  /** `changed`: files the plan changes (a dry run), or that were written (a real run). */
  files: { scanned: number; changed: number; failed: number; skipped: number };
  /** Files changed by each transform: in the plan (a dry run), or in the batches written (a real run). */
  perTransform: TransformCounts;
  /** What needs a human, paths relative to the registry's folder, sorted by file, line and column. */
  findings: Finding[];
  /** Parse errors and transform bugs: those files were left as they were. */
  errors: Finding[];
  skipped: SkipNote[];
  batches: BatchOutcome[];
  /** Batches in the whole plan (`--batch K` runs one of them). */
  plannedBatches: number;
  /** A real run's batches: written, committed, rolled back, not started. */
  progress?: BatchProgress;
  /** Why a real run stopped before its last batch, at which batch, and the signal that stopped it. */
  stopped?: { reason: StopReason; batch: number | null; signal?: string };
  /** The command that goes on from where the run stopped (the CLI fills it in: only it knows the command). */
  next?: string;
}

export type SummaryFormat = 'text' | 'json' | 'markdown';

export function plannedOutcome(planned: PlannedBatch): BatchOutcome {
  return { batch: planned.batch, status: 'planned', perTransform: planned.perTransform };
}

/** `outcomes`: of the batches executed, in order; the batches after them stay planned (not started). */
export function summarize(plan: ApplyPlan, outcomes: readonly BatchOutcome[], stoppedBy?: StopReason): ApplySummary {
  const batches = plan.batches.map((planned, i) => outcomes[i] ?? plannedOutcome(planned));
  const summary: ApplySummary = {
    dryRun: plan.options.dryRun,
    transforms: plan.transforms,
    files: plan.files,
    perTransform: plan.perTransform,
    findings: plan.findings,
    errors: plan.errors,
    skipped: plan.skipped,
    batches,
    plannedBatches: plan.allBatches.length,
  };
  if (plan.options.dryRun) return summary;
  const progress = progressOf(batches);
  summary.progress = progress;
  summary.files = { ...plan.files, changed: progress.filesWritten };
  summary.perTransform = countWritten(batches);
  if (stoppedBy) {
    const at = batches.find((b) => b.interrupted || b.status === 'rolled-back' || b.status === 'failed');
    const signal = plan.options.signal?.reason;
    summary.stopped = { reason: stoppedBy, batch: at ? at.batch.index : null, ...(stoppedBy === 'interrupted' && typeof signal === 'string' ? { signal } : {}) };
  }
  return summary;
}

function progressOf(batches: BatchOutcome[]): BatchProgress {
  const files = (list: BatchOutcome[]) => list.reduce((sum, b) => sum + b.batch.files.length, 0);
  const written = batches.filter((b) => b.status === 'written');
  const rolledBack = batches.filter((b) => b.status === 'rolled-back');
  const notStarted = batches.filter((b) => b.status === 'planned');
  return {
    written: written.length,
    filesWritten: files(written),
    committed: written.filter((b) => b.commit).length,
    rolledBack: rolledBack.length,
    filesRolledBack: files(rolledBack),
    failed: batches.filter((b) => b.status === 'failed').length,
    notStarted: notStarted.length,
    filesNotStarted: files(notStarted),
  };
}

function countWritten(batches: BatchOutcome[]): TransformCounts {
  const counts: TransformCounts = {};
  for (const outcome of batches.filter((b) => b.status === 'written')) {
    for (const [name, count] of Object.entries(outcome.perTransform) as [TransformName, number][]) counts[name] = (counts[name] ?? 0) + count;
  }
  return counts;
}

export function formatSummary(summary: ApplySummary, format: SummaryFormat): string {
  if (format === 'json') return JSON.stringify(summary, null, 2) + '\n';
  if (format === 'markdown') return markdownSummary(summary);
  return textSummary(summary);
}

function perTransformText(transforms: TransformName[], counts: TransformCounts): string {
  return transforms.map((name) => `${name} ${counts[name] ?? 0}`).join(', ');
}

const STATUS_WORDS: Record<BatchOutcome['status'], string> = { planned: 'planned', written: 'written', 'rolled-back': 'rolled back', failed: 'failed' };

/** One line per batch as it lands: its files, what became of it, and the transforms that changed something in it. */
export function batchLine(outcome: BatchOutcome, total: number, transforms: TransformName[]): string {
  const { batch } = outcome;
  const files = plural(batch.files.length, 'file');
  const commit = outcome.commit ? `, commit ${outcome.commit.slice(0, 10)}` : '';
  const status = STATUS_WORDS[outcome.status] + (outcome.interrupted && outcome.status === 'rolled-back' ? ' (interrupted)' : '');
  const changedBy = transformsThatChanged(transforms, outcome.perTransform);
  return `batch ${batch.index}/${total} ${batch.label}: ${files} ${status} (${perTransformText(changedBy, outcome.perTransform)})${commit}`;
}

const plurals = (count: number): string => `${count} batch${count === 1 ? '' : 'es'}`;

/** The first line: what was done; for a run that stopped, why and where, and every batch accounted for. */
function outcomeLines(summary: ApplySummary): string[] {
  const { files, progress } = summary;
  const ofPlanned = summary.batches.length !== summary.plannedBatches ? ` (of ${summary.plannedBatches} planned)` : '';
  if (!progress) return [`dry run: ${files.changed} of ${files.scanned} files would change in ${plurals(summary.batches.length)}${ofPlanned}`];
  const committed = progress.committed > 0 ? `, ${progress.committed} committed` : '';
  const done = `${files.changed} of ${files.scanned} files changed in ${plurals(progress.written)}${committed}`;
  if (!summary.stopped) return [done + ofPlanned];
  return [`${stopWords(summary)}: ${done}`, `batches of this run: ${batchCounts(progress)}`];
}

function stopWords(summary: ApplySummary): string {
  const { stopped } = summary;
  const at = stopped!.batch === null ? 'before any batch was written' : `at batch ${stopped!.batch} of ${summary.plannedBatches}`;
  if (stopped!.reason === 'verify') return `stopped ${at}: verify failed`;
  if (stopped!.reason === 'write') return `stopped ${at}: the batch could not be written`;
  return `interrupted${stopped!.signal ? ` by ${stopped!.signal}` : ''} ${at}`;
}

function batchCounts(progress: BatchProgress): string {
  return [
    `${progress.written} written (${plural(progress.filesWritten, 'file')})`,
    `${progress.committed} committed`,
    `${progress.rolledBack} rolled back (${plural(progress.filesRolledBack, 'file')})`,
    ...(progress.failed > 0 ? [`${progress.failed} not written`] : []),
    `${progress.notStarted} not started (${plural(progress.filesNotStarted, 'file')})`,
  ].join(', ');
}

function textSummary(summary: ApplySummary): string {
  const lines = [...outcomeLines(summary), `per transform: ${perTransformText(summary.transforms, summary.perTransform)}`];
  if (summary.findings.length > 0) {
    lines.push(`${plural(summary.findings.length, 'finding')} need a human:`);
    for (const f of summary.findings) lines.push(`  ${findingLine(f)}`);
  }
  if (summary.errors.length > 0) {
    lines.push(`${plural(summary.errors.length, 'file')} could not be processed and were left as they were:`);
    for (const f of summary.errors) lines.push(`  ${findingLine(f)}`);
  }
  if (summary.skipped.length > 0) {
    lines.push(`${summary.skipped.length} skipped:`);
    for (const s of summary.skipped) lines.push(`  ${s.file}: ${s.reason}`);
  }
  if (summary.next) lines.push(`to go on: ${summary.next}`);
  return lines.join('\n') + '\n';
}

function markdownSummary(summary: ApplySummary): string {
  const { files } = summary;
  const out = [
    `### ssot-codemod ${summary.dryRun ? 'plan' : 'apply'}`,
    '',
    `**${files.changed}** of ${files.scanned} files ${summary.dryRun ? 'would change' : 'changed'}, in ${summary.progress?.written ?? summary.batches.length} batch(es).`,
  ];
  if (summary.stopped) out.push('', `**${stopWords(summary)}.** Batches of this run: ${batchCounts(summary.progress!)}.`);
  if (summary.next) out.push('', `To go on: \`${summary.next}\``);
  out.push(
    '',
    '| batch | files | ' + summary.transforms.join(' | ') + ' | status |',
    '| --- | --- | ' + summary.transforms.map(() => '---').join(' | ') + ' | --- |',
    ...summary.batches.map((o) =>
      `| ${o.batch.index} ${o.batch.label} | ${o.batch.files.length} | ` +
      summary.transforms.map((name) => String(o.perTransform[name] ?? 0)).join(' | ') + ` | ${o.status} |`),
  );
  findingsBlock(out, `${plural(summary.findings.length, 'finding')} that need a human`, summary.findings);
  findingsBlock(out, `${plural(summary.errors.length, 'file')} that could not be processed`, summary.errors);
  return out.join('\n') + '\n';
}
