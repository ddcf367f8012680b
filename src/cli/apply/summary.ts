/** The summary of an `apply` run: data built from its plan and what became of each batch, and its formats. */
import type { SkipNote } from '../../runner/discover';
import type { Finding } from '../../engine/results';
import type { TransformName } from '../../transforms';
import type { ApplyPlan, PlannedBatch } from './plan';
import type { BatchOutcome, TransformCounts } from './outcome';

export type { BatchOutcome, BatchStatus } from './outcome';

/** Its fields are in the order `--format json` prints them. */
export interface ApplySummary {
  dryRun: boolean;
  transforms: TransformName[];
  files: { scanned: number; changed: number; failed: number; skipped: number };
  perTransform: TransformCounts;
  /** What needs a human, paths relative to the registry's folder. */
  findings: Finding[];
  /** Parse errors and transform bugs: those files were left as they were. */
  errors: Finding[];
  skipped: SkipNote[];
  batches: BatchOutcome[];
  /** Batches in the whole plan (`--batch K` runs one of them). */
  plannedBatches: number;
}

export type SummaryFormat = 'text' | 'json' | 'markdown';

export function plannedOutcome(planned: PlannedBatch): BatchOutcome {
  return { batch: planned.batch, status: 'planned', perTransform: planned.perTransform };
}

/** `outcomes`: of the batches executed, in order; the batches after them stay planned. */
export function summarize(plan: ApplyPlan, outcomes: readonly BatchOutcome[]): ApplySummary {
  return {
    dryRun: plan.options.dryRun,
    transforms: plan.transforms,
    files: plan.files,
    perTransform: plan.perTransform,
    findings: plan.findings,
    errors: plan.errors,
    skipped: plan.skipped,
    batches: plan.batches.map((planned, i) => outcomes[i] ?? plannedOutcome(planned)),
    plannedBatches: plan.allBatches.length,
  };
}

export function formatSummary(summary: ApplySummary, format: SummaryFormat): string {
  if (format === 'json') return JSON.stringify(summary, null, 2) + '\n';
  if (format === 'markdown') return markdownSummary(summary);
  return textSummary(summary);
}

export function findingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.kind}: ${f.message}`;
}

function perTransformText(transforms: TransformName[], counts: TransformCounts): string {
  return transforms.map((name) => `${name} ${counts[name] ?? 0}`).join(', ');
}

export function batchLine(outcome: BatchOutcome, total: number, transforms: TransformName[]): string {
  const { batch } = outcome;
  const files = `${batch.files.length} file${batch.files.length === 1 ? '' : 's'}`;
  const commit = outcome.commit ? `, commit ${outcome.commit.slice(0, 10)}` : '';
  const status = outcome.status === 'planned' ? 'planned' : outcome.status;
  return `batch ${batch.index}/${total} ${batch.label}: ${files} ${status} (${perTransformText(transforms, outcome.perTransform)})${commit}`;
}

function textSummary(summary: ApplySummary): string {
  const { files } = summary;
  const lines = [
    `${summary.dryRun ? 'dry run: ' : ''}${files.changed} of ${files.scanned} files ${summary.dryRun ? 'would change' : 'changed'}` +
      ` in ${summary.batches.length} batch${summary.batches.length === 1 ? '' : 'es'}` +
      (summary.batches.length !== summary.plannedBatches ? ` (of ${summary.plannedBatches} planned)` : ''),
    `per transform: ${perTransformText(summary.transforms, summary.perTransform)}`,
  ];
  if (summary.findings.length > 0) {
    lines.push(`${summary.findings.length} finding${summary.findings.length === 1 ? '' : 's'} need a human:`);
    lines.push(...summary.findings.map((f) => `  ${findingLine(f)}`));
  }
  if (summary.errors.length > 0) {
    lines.push(`${summary.errors.length} file${summary.errors.length === 1 ? '' : 's'} could not be processed and were left as they were:`);
    lines.push(...summary.errors.map((f) => `  ${f.file}:${f.line}:${f.column}: ${f.message}`));
  }
  if (summary.skipped.length > 0) {
    lines.push(`${summary.skipped.length} skipped:`);
    lines.push(...summary.skipped.map((s) => `  ${s.file}: ${s.reason}`));
  }
  return lines.join('\n') + '\n';
}

function markdownSummary(summary: ApplySummary): string {
  const { files } = summary;
  const out = [
    `### ssot-codemod ${summary.dryRun ? 'plan' : 'apply'}`,
    '',
    `**${files.changed}** of ${files.scanned} files ${summary.dryRun ? 'would change' : 'changed'}, in ${summary.batches.length} batch(es).`,
    '',
    '| batch | files | ' + summary.transforms.join(' | ') + ' | status |',
    '| --- | --- | ' + summary.transforms.map(() => '---').join(' | ') + ' | --- |',
    ...summary.batches.map((o) =>
      `| ${o.batch.index} ${o.batch.label} | ${o.batch.files.length} | ` +
      summary.transforms.map((name) => String(o.perTransform[name] ?? 0)).join(' | ') + ` | ${o.status} |`),
  ];
  if (summary.findings.length > 0) {
    out.push('', `<details><summary>${summary.findings.length} finding(s) that need a human</summary>`, '');
    out.push(...summary.findings.map((f) => `- \`${f.file}:${f.line}:${f.column}\` **${f.kind}** ${f.message}`));
    out.push('', '</details>');
  }
  if (summary.errors.length > 0) {
    out.push('', '**Files that could not be processed:**', '');
    out.push(...summary.errors.map((f) => `- \`${f.file}:${f.line}:${f.column}\` ${f.message}`));
  }
  return out.join('\n') + '\n';
}
