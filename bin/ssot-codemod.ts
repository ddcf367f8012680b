#!/usr/bin/env node
/**
 * The CLI: the yargs option schema, printing, and the exit code — decided here and only here.
 * 0 done (or nothing to do), 1 errors in some files or a gate failed, 2 usage or registry error,
 * 3 verify failed and the batch was rolled back.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCheck, type CheckFormat } from '../src/cli/check';
// `/index`: a dist/ built before apply became a folder still holds cli/apply.js, which would shadow it.
import { runApply, type ApplyOutcome } from '../src/cli/apply/index';
import { batchLine, formatSummary, type SummaryFormat } from '../src/cli/apply/summary';
import { openSession, UsageError, type InterruptedState } from '../src/cli/session';
import { UserError } from '../src/shared/errors';
import type { RecoveryResult } from '../src/batches/journal';
import type { BatchBy } from '../src/batches/plan';
import { colorizePatch } from '../src/batches/patch';
import { TRANSFORM_DESCRIPTIONS, TRANSFORM_ORDER } from '../src/transforms';
import { DEFAULT_FILE_TIMEOUT_MS } from '../src/runner/time-limit';
import type { ClearedCommit, PendingCommit } from '../src/vcs/batch-commit';

const EXIT = { done: 0, failed: 1, usage: 2, verifyFailed: 3 } as const;
const VERSION: string = require('../../package.json').version;

const isTTY = (stream: NodeJS.WriteStream): boolean => !!stream.isTTY && !process.env.CI && !('NO_COLOR' in process.env);
const write = (stream: NodeJS.WriteStream, text: string): void => void stream.write(text.endsWith('\n') || text === '' ? text : text + '\n');

/** A one-line progress counter on a terminal; nothing when piped or in CI. */
function progress(label: string): ((done: number, total: number) => void) | undefined {
  if (!isTTY(process.stderr)) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(`\r${label} ${done}/${total} files${done === total ? '\r\x1b[K' : ''}`);
  };
}

function sayRecovered(recovered: RecoveryResult | null, clearedCommit: ClearedCommit | null): void {
  if (clearedCommit) {
    const locks = clearedCommit.removedLocks.length > 0 ? `removed git's ${clearedCommit.removedLocks.join(', ')}; ` : '';
    write(process.stderr, `cleared a batch commit that was interrupted (pid ${clearedCommit.pid}): ${locks}` +
      `set the index entries of ${clearedCommit.resetFiles.length} file(s) back to HEAD's`);
  }
  if (!recovered) return;
  write(process.stderr, `recovered an interrupted batch (${recovered.label}, pid ${recovered.pid}): ` +
    `restored ${recovered.restored.length} file(s) to their content before the batch: ${recovered.restored.join(', ')}`);
}

function sayPending(pending: PendingCommit | null): void {
  if (pending) write(process.stderr, `"${pending.subject}" is written but not committed (${pending.reason}): \`ssot-codemod apply --commit\` commits it first, or commit ${pending.files.length} file(s) yourself`);
}

/** What a command that changes nothing found waiting: it says so and how to recover, and leaves it. */
function sayInterrupted(state: InterruptedState | null): void {
  if (!state) return;
  if (state.untrusted) write(process.stderr, `note: ${state.untrusted}`);
  const { journal, commit } = state;
  if (journal && 'damaged' in journal) {
    write(process.stderr, `an interrupted batch's journal cannot be used (${journal.damaged}): run \`ssot-codemod recover\` to see what to do`);
  } else if (journal) {
    write(process.stderr, `an interrupted batch (${journal.label}, pid ${journal.pid}) is half-written in ${journal.files} file(s); nothing was changed: run \`ssot-codemod recover\` to restore it`);
  }
  if (commit && 'damaged' in commit) write(process.stderr, commit.damaged);
  else if (commit?.running) write(process.stderr, `"${commit.subject}" is being committed by another run`);
  else if (commit) write(process.stderr, `"${commit.subject}" was written but not committed (${commit.reason}): run \`ssot-codemod recover\`, then \`ssot-codemod apply --commit\` commits it`);
}

/** Errors a user can act on get one line and exit 2; anything else is a bug and keeps its stack. */
function fail(error: unknown): number {
  if (error instanceof UserError) {
    write(process.stderr, `ssot-codemod: ${error.message}`);
    return EXIT.usage;
  }
  write(process.stderr, `ssot-codemod: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return EXIT.failed;
}

function common(y: Argv): Argv<{ config?: string }> {
  return y.option('config', { alias: 'c', type: 'string', describe: 'The registry file (default: ssot.config.json, searched upward)' });
}

/** What `check` and `apply` share: the files to work on, and the threads to do it with. */
function scanning(y: Argv): Argv {
  return common(y)
    .positional('paths', { type: 'string', array: true, describe: 'Files or folders (default: the registry\'s include globs)' })
    .option('workers', { type: 'number', describe: 'Worker threads that parse (default: the machine\'s cores less one; 0: none)' })
    .option('file-timeout', {
      type: 'number',
      default: DEFAULT_FILE_TIMEOUT_MS / 1000,
      describe: 'Seconds one file may take to parse and transform; a file past it is reported and left as it was',
    });
}

function fileTimeoutMs(seconds: number): number {
  if (!(seconds > 0)) throw new UsageError(`--file-timeout must be a number of seconds above 0 (got ${seconds})`);
  return seconds * 1000;
}

async function check(argv: Record<string, any>): Promise<number> {
  const outcome = await runCheck({
    cwd: process.cwd(),
    config: argv.config,
    paths: argv.paths,
    format: argv.format as CheckFormat,
    color: isTTY(process.stdout),
    maxViolations: argv.maxViolations,
    baseline: argv.baseline,
    writeBaseline: argv.writeBaseline,
    workers: argv.workers,
    fileTimeoutMs: fileTimeoutMs(argv.fileTimeout),
    toolVersion: VERSION,
    onProgress: progress('check'),
  });
  sayInterrupted(outcome.interrupted);
  write(process.stdout, outcome.output);
  if (argv.format !== 'text') {
    for (const e of outcome.report.errors) write(process.stderr, `${e.file}:${e.line}:${e.column}: ${e.message}`);
  }
  for (const reason of outcome.gate.reasons) write(process.stderr, `gate failed: ${reason}`);
  return outcome.gate.passed && outcome.report.errors.length === 0 ? EXIT.done : EXIT.failed;
}

async function apply(argv: Record<string, any>): Promise<number> {
  const patchToStdout = argv.dryRun && !argv.out && !argv.outDir;
  const format = argv.format as SummaryFormat;
  const outcome: ApplyOutcome = await runApply({
    cwd: process.cwd(),
    config: argv.config,
    paths: argv.paths,
    dryRun: !!argv.dryRun,
    transforms: argv.transform,
    batchSize: argv.batchSize,
    batchBy: argv.batchBy as BatchBy,
    batch: argv.batch,
    verify: argv.verify,
    commit: !!argv.commit,
    workers: argv.workers,
    fileTimeoutMs: fileTimeoutMs(argv.fileTimeout),
    shard: argv.shard,
    out: argv.out,
    outDir: argv.outDir,
    onProgress: progress(argv.dryRun ? 'planning' : 'apply'),
    onBatch: argv.dryRun ? undefined : (o, total, transforms) => write(process.stderr, batchLine(o, total, transforms)),
  });
  sayRecovered(outcome.recovered, outcome.clearedCommit);
  sayInterrupted(outcome.interrupted);
  sayPending(outcome.pendingCommit);
  if (outcome.committedPending) write(process.stderr, `committed "${outcome.committedPending.pending.subject}", left uncommitted by an earlier run: ${outcome.committedPending.commit.slice(0, 10)}`);
  if (patchToStdout) write(process.stdout, isTTY(process.stdout) ? colorizePatch(outcome.patch) : outcome.patch);
  // The summary goes where the patch does not: stdout for JSON/Markdown when the patch went to a file.
  const summaryStream = format !== 'text' && !patchToStdout ? process.stdout : process.stderr;
  write(summaryStream, formatSummary(outcome.summary, format));
  const failedBatch = outcome.summary.batches.find((b) => b.status === 'rolled-back' || b.status === 'failed');
  if (failedBatch?.verifyOutput) write(process.stderr, `verify failed; batch ${failedBatch.batch.index} was rolled back:\n${failedBatch.verifyOutput}`);
  if (failedBatch?.error) write(process.stderr, `batch ${failedBatch.batch.index} was not written: ${failedBatch.error}`);
  if (failedBatch?.kept) write(process.stderr, `kept as they are, not rolled back (changed while batch ${failedBatch.batch.index} was in flight; review them): ${failedBatch.kept.join(', ')}`);
  if (outcome.stoppedBy === 'verify') return EXIT.verifyFailed;
  return outcome.stoppedBy || outcome.summary.errors.length > 0 ? EXIT.failed : EXIT.done;
}

function recover(argv: Record<string, any>): number {
  const session = openSession(argv.config, process.cwd(), { write: true, force: !!argv.force });
  session.close();
  const { recovered, clearedCommit, pendingCommit } = session;
  if (recovered?.setAside) write(process.stderr, `set the damaged journal aside as ${recovered.setAside}; nothing was restored from it`);
  else if (recovered || clearedCommit) sayRecovered(recovered, clearedCommit);
  else if (!pendingCommit) write(process.stderr, 'nothing to recover: no interrupted batch');
  sayPending(pendingCommit);
  return EXIT.done;
}

function listTransforms(): number {
  for (const name of TRANSFORM_ORDER) write(process.stdout, `${name.padEnd(22)} ${TRANSFORM_DESCRIPTIONS[name]}`);
  return EXIT.done;
}

async function main(): Promise<number> {
  let exitCode: number = EXIT.done;
  const run = (handler: (argv: Record<string, any>) => number | Promise<number>) => async (argv: Record<string, any>) => {
    try {
      exitCode = await handler(argv);
    } catch (error) {
      exitCode = fail(error);
    }
  };
  await yargs(hideBin(process.argv))
    .scriptName('ssot-codemod')
    .usage('$0 <command> [options]\n\nConsolidate a JS/TS codebase\'s imports onto the canonical modules named in ssot.config.json.')
    .command('check [paths..]', 'Measure fragmentation: violations per category, canonical usage, patterns, legacy importers', (y) =>
      scanning(y)
        .option('format', { choices: ['text', 'json', 'markdown', 'sarif'], default: 'text', describe: 'Report format' })
        .option('max-violations', { type: 'number', describe: 'Exit 1 when the total is above N' })
        .option('baseline', { type: 'string', describe: 'Exit 1 when any category is above this baseline' })
        .option('write-baseline', { type: 'string', describe: 'Save the counts as a baseline file' })
        .example('$0 check', 'the dashboard')
        .example('$0 check --format sarif > ssot.sarif', 'for code scanning')
        .example('$0 check --max-violations 0', 'a CI gate')
        .example('$0 check --write-baseline .ssot-baseline.json', 'record today\'s counts; later: --baseline .ssot-baseline.json'),
      run(check))
    .command('apply [paths..]', 'Rewrite, batch by batch: atomic writes, optional verify and one commit per batch', (y) =>
      scanning(y)
        .option('dry-run', { type: 'boolean', default: false, describe: 'Write nothing; print the plan as a git-style patch' })
        .option('transform', { alias: 't', type: 'string', array: true, describe: `Only these transforms (${TRANSFORM_ORDER.join(', ')}); repeatable` })
        .option('batch-size', { type: 'number', describe: 'At most N files per batch' })
        .option('batch-by', { choices: ['files', 'directory', 'codeowners'], default: 'files', describe: 'How files are grouped into batches' })
        .option('batch', { type: 'number', describe: 'Only batch K of the plan' })
        .option('verify', { type: 'string', describe: 'Shell command run after each batch in the registry\'s folder; failure rolls the batch back (exit 3)' })
        .option('commit', { type: 'boolean', default: false, describe: 'One git commit per batch' })
        .option('shard', { type: 'string', describe: 'I/N: take the I-th of N deterministic shards of the files' })
        .option('format', { choices: ['text', 'json', 'markdown'], default: 'text', describe: 'Summary format' })
        .option('out', { type: 'string', describe: 'Write the patch to FILE' })
        .option('out-dir', { type: 'string', describe: 'Write batch-NNN.patch and batch-NNN.json per batch to DIR' })
        .example('$0 apply --dry-run --batch-size 50 --out plan.patch', 'the whole migration as a reviewable patch')
        .example('$0 apply --dry-run --batch-by codeowners --out-dir plan/', 'one patch per owning team')
        .example('$0 apply --batch-size 50 --verify "npm test" --commit', 'write, verify and commit batch by batch')
        .example('$0 apply --batch 2 --batch-size 50 --commit', 'only the second batch of the plan'),
      run(apply))
    .command('recover', 'Restore a batch that an interrupted run left half-written', (y) =>
      common(y).option('force', { type: 'boolean', default: false, describe: 'Restore the originals even over files edited since the interruption' }),
      run(recover))
    .command('transforms', 'List the transforms, in the order they run', (y) => y, run(listTransforms))
    .demandCommand(1, 'Name a command: check, apply, recover or transforms')
    .strict()
    .version(VERSION)
    .help()
    .alias('help', 'h')
    .wrap(process.stdout.columns ? Math.min(120, process.stdout.columns) : null)
    .fail((message, error) => {
      if (error) throw error;
      write(process.stderr, `ssot-codemod: ${message}\nRun ssot-codemod --help for usage.`);
      exitCode = EXIT.usage;
    })
    .parseAsync();
  return exitCode;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => { process.exitCode = fail(error); },
);
