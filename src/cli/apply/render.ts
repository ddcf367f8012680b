/** A plan as a patch: one per batch, each with its comment line, and the files `--out`/`--out-dir` ask for. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchComment } from '../../batches/patch';
import type { ApplyPlan, PlannedBatch } from './plan';
import { plannedOutcome } from './summary';

export function renderBatch(plan: ApplyPlan, planned: PlannedBatch): string {
  return batchComment(planned.batch, plan.transforms.join(', ')) + planned.changes.map((c) => c.diff).join('');
}

export interface RenderedPlan {
  /** The patch of each batch the plan selected, in order. */
  batches: string[];
  /** Their concatenation: the whole patch. */
  patch: string;
}

export function renderPlan(plan: ApplyPlan): RenderedPlan {
  const batches = plan.batches.map((planned) => renderBatch(plan, planned));
  return { batches, patch: batches.join('') };
}

export function writePatchFiles(plan: ApplyPlan, rendered: RenderedPlan): void {
  const { cwd, out, outDir } = plan.options;
  if (out) fs.writeFileSync(path.resolve(cwd, out), rendered.patch);
  if (!outDir) return;
  const dir = path.resolve(cwd, outDir);
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, planned] of plan.batches.entries()) {
    const name = `batch-${String(planned.batch.index).padStart(3, '0')}`;
    fs.writeFileSync(path.join(dir, `${name}.patch`), rendered.batches[i]);
    const files = new Set(planned.batch.files);
    const batchSummary = {
      batch: plannedOutcome(planned),
      findings: plan.findings.filter((f) => files.has(f.file)),
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(batchSummary, null, 2) + '\n');
  }
}
