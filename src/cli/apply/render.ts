/** A plan as a patch: one per batch, each with its comment line, and the files `--out`/`--out-dir` ask for. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchComment } from '../../batches/patch';
import { UsageError } from '../session';
import { transformsThatChanged, type ApplyOptions, type ApplyPlan, type PlannedBatch } from './plan';
import { plannedOutcome } from './summary';

/** The batch's comment names only the transforms that changed something in it. */
export function renderBatch(plan: ApplyPlan, planned: PlannedBatch): string {
  return batchComment(planned.batch, transformsThatChanged(plan.transforms, planned.perTransform).join(', ')) + planned.changes.map((c) => c.diff).join('');
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

/** What `--out-dir` writes, and so the only files it ever removes: `batch-001.patch`, `batch-001.json`, … */
const PLAN_FILE = /^batch-\d{3,}\.(patch|json)$/;

/**
 * `--out-dir` on a folder that holds an older plan's batch files would mix two plans; refused before
 * anything runs, unless `force` (then only those files go, when the new plan is written).
 */
export function checkOutDir(options: Pick<ApplyOptions, 'cwd' | 'outDir' | 'force'>): void {
  if (!options.outDir || options.force) return;
  const dir = path.resolve(options.cwd, options.outDir);
  const older = planFilesIn(dir);
  if (older.length > 0) {
    const shown = older.length > 3 ? `${older.slice(0, 3).join(', ')} and ${older.length - 3} more` : older.join(', ');
    throw new UsageError(`--out-dir ${options.outDir}: holds an older plan (${shown}); pass --force to replace it (only its batch-NNN.patch and .json files are removed), or choose another folder`);
  }
}

function planFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => PLAN_FILE.test(name)).sort();
}

export function writePatchFiles(plan: ApplyPlan, rendered: RenderedPlan): void {
  const { cwd, out, outDir } = plan.options;
  if (out) fs.writeFileSync(path.resolve(cwd, out), rendered.patch);
  if (!outDir) return;
  const dir = path.resolve(cwd, outDir);
  checkOutDir(plan.options);
  for (const name of planFilesIn(dir)) fs.rmSync(path.join(dir, name), { force: true });
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
