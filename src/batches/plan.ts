import * as path from 'node:path';
import { ownerOf, type CodeownersRules } from './codeowners';
import { groupBy } from '../shared/collections';
import { compareStrings, toPosix } from '../shared/paths';
import { UserError } from '../shared/errors';

export type BatchBy = 'files' | 'directory' | 'package' | 'codeowners';

export interface Batch {
  /** 1-based position in the plan. */
  index: number;
  /** What the batch is: `files 1-50`, `src/agents`, `@team-engine`, `src/agents (files 51-100 of 120)`. */
  label: string;
  files: string[];
}

export interface PlanBatchesOptions {
  by: BatchBy;
  /** At most this many files per batch; default: a group is never split. */
  size?: number;
  /** Needed when `by` is `codeowners`; paths are matched as given, so they must be relative to the repository root. */
  codeowners?: CodeownersRules | null;
  /** With `directory`: group by the first `depth` folders of each file's path (default: its whole folder). */
  depth?: number;
  /** Needed when `by` is `package`: the folder of the package a file belongs to (`.` for the root's). */
  packageOf?: (file: string) => string;
}

export class BatchPlanError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'BatchPlanError';
  }
}

export const ROOT_DIRECTORY_LABEL = '(root)';

/** The one check of a batch size, in the words of the option every size comes from. */
export function checkBatchSize(size: number | undefined): void {
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) {
    throw new BatchPlanError(`--batch-size ${size}: expected a positive whole number`);
  }
}

/** Same files and options, same batches: files are sorted, groups ordered by label. */
export function planBatches(files: string[], options: PlanBatchesOptions): Batch[] {
  const { by, size } = options;
  checkBatchSize(size);
  // The files are relative paths with `/` between segments; a `\` is part of a name on POSIX (only this platform's separator is one).
  const sorted = [...new Set(files.map(toPosix))].sort(compareStrings);

  if (by === 'files') {
    return numbered(chunk(sorted, size).map((part, i) => ({ label: fileRange(i, part.length, size, sorted.length), files: part })));
  }

  const groupOf = groupingFor(options);
  const groups = groupBy(sorted, groupOf);
  const planned: Omit<Batch, 'index'>[] = [];
  for (const key of [...groups.keys()].sort(compareStrings)) {
    const members = groups.get(key)!;
    const parts = chunk(members, size);
    parts.forEach((part, i) => {
      const label = parts.length === 1 ? key : `${key} (${fileRange(i, part.length, size, members.length)} of ${members.length})`;
      planned.push({ label, files: part });
    });
  }
  return numbered(planned);
}

function groupingFor(options: PlanBatchesOptions): (file: string) => string {
  switch (options.by) {
    case 'directory': {
      const { depth } = options;
      if (depth !== undefined && !(Number.isInteger(depth) && depth > 0)) throw new BatchPlanError(`--depth ${depth}: expected a positive whole number`);
      return (file) => {
        const dir = path.posix.dirname(file);
        if (dir === '.') return ROOT_DIRECTORY_LABEL;
        return depth === undefined ? dir : dir.split('/').slice(0, depth).join('/');
      };
    }
    case 'package': {
      const packageOf = options.packageOf;
      if (!packageOf) throw new BatchPlanError('batching by package needs a way to find the package of a file');
      return (file) => {
        const folder = packageOf(file);
        return folder === '.' || folder === '' ? ROOT_DIRECTORY_LABEL : folder;
      };
    }
    case 'codeowners': {
      const rules = options.codeowners;
      if (!rules) {
        throw new BatchPlanError(
          'batching by code owners needs a CODEOWNERS file; none was found in .github/, the repository root or docs/',
        );
      }
      return (file) => ownerOf(rules, file);
    }
    default:
      throw new BatchPlanError(`unknown batching "${String(options.by)}"; expected files, directory, package or codeowners`);
  }
}

/** `files 1-50`, `files 51-57`, or `file 58` for a batch of one. */
function fileRange(partIndex: number, partLength: number, size: number | undefined, total: number): string {
  const first = size === undefined ? 1 : partIndex * size + 1;
  const last = Math.min(first + partLength - 1, total);
  return first === last ? `file ${first}` : `files ${first}-${last}`;
}

function chunk<T>(items: T[], size: number | undefined): T[][] {
  if (items.length === 0) return [];
  if (size === undefined) return [items];
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

function numbered(batches: Omit<Batch, 'index'>[]): Batch[] {
  return batches.map((batch, i) => ({ index: i + 1, ...batch }));
}
