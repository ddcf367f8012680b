#!/usr/bin/env node
/**
 * The CLI: the yargs option schema, printing, and the exit code — decided here and only here.
 * 0 done (or nothing to do), 1 errors in some files or a gate failed, 2 usage or registry error,
 * 3 verify failed and the batch was rolled back, 130/143 interrupted by SIGINT/SIGTERM (the batch under
 * way rolled back).
 *
 * Every option value is checked while the command line is parsed, so that any usage problem stops the
 * program before it reads the registry or a single file.
 */
// First: V8's flags must be set before the modules below are loaded and run, and they compile from the
// build's code cache, made under those flags.
import './v8-tuning';
import '../src/runner/compile-from-cache';
import * as fs from 'node:fs';
import * as path from 'node:path';
import yargs, { type Argv, type Options } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { CheckFormat } from '../src/cli/check';
import type { ApplyOutcome } from '../src/cli/apply/index';
import type { SummaryFormat } from '../src/cli/apply/summary';
import { parseShard } from '../src/cli/apply/shard';
import { UsageError } from '../src/cli/usage-error';
import type { InterruptedState } from '../src/cli/session';
import { UserError } from '../src/shared/errors';
import { didYouMean } from '../src/shared/nearest';
import type { RecoveryResult } from '../src/batches/journal';
import type { BatchBy } from '../src/batches/plan';
import { findingLine } from '../src/engine/results';
import { selectTransforms, TRANSFORM_DESCRIPTIONS, TRANSFORM_ORDER } from '../src/transforms';
import { DEFAULT_FILE_TIMEOUT_MS } from '../src/runner/time-limit';
import type { RegistryNote } from '../src/registry/types';
import type { ClearedCommit, PendingCommit } from '../src/vcs/batch-commit';

/**
 * The engine, loaded by the command that runs it: what refuses a command line, `--help` and `transforms`
 * need none of it, and answer at once.
 */
const engine = {
  check: () => require('../src/cli/check') as typeof import('../src/cli/check'),
  // `/index`: a dist/ built before apply became a folder still holds cli/apply.js, which would shadow it.
  apply: () => require('../src/cli/apply/index') as typeof import('../src/cli/apply/index'),
  summary: () => require('../src/cli/apply/summary') as typeof import('../src/cli/apply/summary'),
  init: () => require('../src/cli/init') as typeof import('../src/cli/init'),
  session: () => require('../src/cli/session') as typeof import('../src/cli/session'),
  report: () => require('../src/report') as typeof import('../src/report'),
  patch: () => require('../src/batches/patch') as typeof import('../src/batches/patch'),
};

const EXIT = { done: 0, failed: 1, usage: 2, verifyFailed: 3 } as const;
/** 128 + the signal's number, as a shell reports a program a signal ended. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;
const VERSION: string = require('../../package.json').version;
const COMMANDS = ['init', 'check', 'apply', 'recover', 'transforms'];

const write = (stream: NodeJS.WriteStream, text: string): void => void stream.write(text.endsWith('\n') || text === '' ? text : text + '\n');

/** A person at a terminal, not a pipe or CI: where progress is shown, and colour by default. */
const interactive = (stream: NodeJS.WriteStream): boolean => !!stream.isTTY && !process.env.CI;

/**
 * Colour: `--color` / `--no-color` first; then FORCE_COLOR (`0` or `false` turn it off, anything else on;
 * it wins over NO_COLOR, as in Node itself); then NO_COLOR (any non-empty value); then only on a terminal.
 */
function colorFor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (process.env.NO_COLOR) return false;
  return interactive(stream);
}

/** A one-line progress counter on a terminal; nothing when piped, in CI, or with --quiet. */
function progress(label: string, quiet: boolean): ((done: number, total: number) => void) | undefined {
  if (quiet || !interactive(process.stderr)) return undefined;
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

/** What the registry says that could not be checked against the code: said once, unless --quiet. */
function sayNotes(notes: readonly RegistryNote[], quiet: boolean): void {
  if (quiet) return;
  for (const note of notes) write(process.stderr, `note: ${note.file}: ${note.jsonPath}: ${note.message}`);
}

/** Errors a user can act on get one line and exit 2; anything else is a bug and keeps its stack. */
function fail(error: unknown): number {
  if (error instanceof UserError) {
    write(process.stderr, `ssot-codemod: ${error.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    return EXIT.usage;
  }
  write(process.stderr, `ssot-codemod: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return EXIT.failed;
}

// ── option values, checked as the command line is parsed ────────────────────

/**
 * A problem with one option's value, said in full: yargs hands on only the message, so the messages made
 * here are remembered, to be told apart from yargs's own (which get a pointer to --help).
 */
const valueProblems = new Set<string>();
function valueProblem(message: string): UsageError {
  valueProblems.add(message);
  return new UsageError(message);
}

/** The value of an option given once; given twice, the second would silently win: refused. */
function once(option: string, value: unknown): unknown {
  if (Array.isArray(value)) throw valueProblem(`--${option} is given ${value.length} times; give it once`);
  return value;
}

/** A number option, named with the text given when it is not one: `--batch-size must be … (got abc)`. */
function numberOption(option: string, expected: string, valid: (n: number) => boolean) {
  return (raw: unknown): number => {
    const value = once(option, raw);
    if (value === true || value === '') throw valueProblem(`--${option} needs a value: ${expected}`);
    const n = typeof value === 'number' ? value : String(value).trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n) || !valid(n)) throw valueProblem(`--${option} must be ${expected} (got ${String(value)})`);
    return n;
  };
}

const positiveWhole = (option: string) => numberOption(option, 'a whole number of 1 or more', (n) => Number.isInteger(n) && n >= 1);
const wholeFromZero = (option: string) => numberOption(option, 'a whole number of 0 or more', (n) => Number.isInteger(n) && n >= 0);

/** A string option that needs a value: `--verify` with none would verify nothing and say nothing. */
function textOption(option: string, expected: string) {
  return (raw: unknown): string => {
    const value = once(option, raw);
    if (typeof value !== 'string' || value.trim() === '') throw valueProblem(`--${option} needs a value: ${expected}`);
    return value;
  };
}

/** One of a few words, with the nearest one suggested. */
function choiceOption(option: string, choices: readonly string[], hint = '') {
  return (raw: unknown): string => {
    const value = String(once(option, raw));
    if (!choices.includes(value)) {
      throw valueProblem(`--${option} must be ${choices.join(', ')}${hint} (got ${value || 'no value'})${didYouMean(value, choices)}`);
    }
    return value;
  };
}

/** `-t NAME`, repeatable: each must be a transform of the table. */
function transformOption(raw: unknown): string[] {
  const names = (Array.isArray(raw) ? raw : [raw]).map(String);
  if (names.length === 0 || names.some((name) => name.trim() === '')) throw valueProblem(`--transform needs a value: one of ${TRANSFORM_ORDER.join(', ')}`);
  try {
    selectTransforms(names);
  } catch (error) {
    throw valueProblem(`--transform: ${(error as Error).message}`);
  }
  return names;
}

function shardOption(raw: unknown): string {
  const value = textOption('shard', 'I/N, e.g. --shard 2/4')(raw);
  try {
    parseShard(value);
  } catch (error) {
    throw valueProblem((error as Error).message);
  }
  return value;
}

// ── the option schema, per command ──────────────────────────────────────────

const GLOBAL_OPTIONS: Record<string, Options> = {
  config: { alias: 'c', type: 'string', coerce: textOption('config', 'the registry file, e.g. --config ssot.config.json'), describe: 'The registry file (default: ssot.config.json, searched upward)' },
  color: { type: 'boolean', describe: 'Colour the output; --no-color to never (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)' },
  quiet: { alias: 'q', type: 'boolean', describe: 'Print only findings and errors (and what stopped a run)' },
};

/** What `check` and `apply` share: the files to work on, and the threads to do it with. */
const SCANNING_OPTIONS: Record<string, Options> = {
  workers: { coerce: wholeFromZero('workers'), describe: 'Worker threads that parse (default: the machine\'s cores less one, from 4,000 files; 0: none)' },
  'file-timeout': {
    coerce: numberOption('file-timeout', 'a number of seconds above 0', (n) => n > 0),
    default: DEFAULT_FILE_TIMEOUT_MS / 1000,
    describe: 'Seconds one file may take to parse and transform; a file past it is reported and left as it was',
  },
};

const CHECK_OPTIONS: Record<string, Options> = {
  format: { coerce: choiceOption('format', ['text', 'json', 'markdown', 'sarif']), default: 'text', describe: 'Report format: text, json, markdown or sarif' },
  out: { coerce: textOption('out', 'the file to write the report to'), describe: 'Write the report to FILE instead of standard output' },
  'max-violations': { coerce: wholeFromZero('max-violations'), describe: 'Exit 1 when the total is above N' },
  baseline: { coerce: textOption('baseline', 'a baseline file written by --write-baseline'), describe: 'Exit 1 when any category is above this baseline' },
  'write-baseline': { coerce: textOption('write-baseline', 'the file to save the counts to'), describe: 'Save the counts as a baseline file' },
};

const APPLY_OPTIONS: Record<string, Options> = {
  'dry-run': { alias: ['dry', 'd'], type: 'boolean', default: false, describe: 'Write nothing; print the plan as a git-style patch (also --dry, -d)' },
  transform: { alias: 't', type: 'string', array: true, coerce: transformOption, describe: `Only these transforms (${TRANSFORM_ORDER.join(', ')}); repeatable` },
  'batch-size': { coerce: positiveWhole('batch-size'), describe: 'At most N files per batch' },
  'batch-by': { coerce: choiceOption('batch-by', ['files', 'directory', 'package', 'codeowners']), default: 'files', describe: 'How files are grouped into batches: files, directory, package or codeowners' },
  depth: { coerce: positiveWhole('depth'), describe: 'With --batch-by directory: group by the first N folders of each path' },
  batch: { coerce: positiveWhole('batch'), describe: 'Only batch K of the plan' },
  verify: { coerce: textOption('verify', 'a shell command, e.g. --verify "npm test"'), describe: 'Shell command run after each batch in the registry\'s folder; failure rolls the batch back (exit 3)' },
  commit: { type: 'boolean', default: false, describe: 'One git commit per batch' },
  shard: { coerce: shardOption, describe: 'I/N: take the I-th of N deterministic shards of the files' },
  'format-with': { coerce: choiceOption('format-with', ['prettier', 'auto']), describe: 'Also format the declarations written with the project\'s own prettier (auto: when it has prettier installed)' },
  format: { coerce: choiceOption('format', ['text', 'json', 'markdown'], ' (sarif is check\'s)'), default: 'text', describe: 'Summary format: text, json or markdown' },
  out: { coerce: textOption('out', 'the file to write the patch to'), describe: 'Write the patch to FILE' },
  'out-dir': { coerce: textOption('out-dir', 'the folder to write batch-NNN.patch files to'), describe: 'Write batch-NNN.patch and batch-NNN.json per batch to DIR' },
  force: { type: 'boolean', default: false, describe: 'With --out-dir: replace the batch files of an older plan there (and only those)' },
};

const RECOVER_OPTIONS: Record<string, Options> = {
  force: { type: 'boolean', default: false, describe: 'Restore the originals even over files edited since the interruption' },
};

/** Every option a command takes, with its aliases: what an unknown option is compared with. */
const OPTIONS_OF: Record<string, Record<string, Options>> = {
  init: GLOBAL_OPTIONS,
  check: { ...GLOBAL_OPTIONS, ...SCANNING_OPTIONS, ...CHECK_OPTIONS },
  apply: { ...GLOBAL_OPTIONS, ...SCANNING_OPTIONS, ...APPLY_OPTIONS },
  recover: { ...GLOBAL_OPTIONS, ...RECOVER_OPTIONS },
  transforms: GLOBAL_OPTIONS,
};

function optionNames(command: string | undefined): string[] {
  const options = OPTIONS_OF[command ?? ''] ?? GLOBAL_OPTIONS;
  return Object.entries(options).flatMap(([name, o]) => [name, ...[o.alias ?? []].flat()]).concat('help', 'version');
}

const dashes = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/** The command named on the command line, if it is one of ours. */
function commandOf(args: string[]): string | undefined {
  return args.find((arg) => COMMANDS.includes(arg));
}

/**
 * yargs's message, as one line that says what to do. Unknown words are options (`--dryx`) or a command
 * (`chek`), each with the nearest known one; the rest (a missing command, a contradiction) as yargs says it.
 */
function usageMessage(message: string, args: string[]): string {
  const command = commandOf(args);
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) {
    // yargs names an unknown `--dry-x` twice, also as `dryX`.
    const words = [...new Set(unknown[1].split(', ').map((word) => word.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))];
    return words.map((word) => {
      const written = args.find((arg) => [`--${word}`, `-${word}`, `--no-${word}`].includes(arg.split('=')[0]))?.split('=')[0];
      if (written) {
        const hint = JSCODESHIFT_HABITS[word] ? `: ${JSCODESHIFT_HABITS[word]}` : didYouMean(word, optionNames(command), (name) => dashes(name));
        return `Unknown argument: ${written} (${command ?? 'ssot-codemod'} takes no such option)${hint}`;
      }
      if (command) return `Unknown argument: "${word}" (${command} takes no such argument)`;
      return `Unknown argument: "${word}" is not a command (expected ${COMMANDS.join(', ')})${didYouMean(word, COMMANDS)}`;
    }).join('; ') + seeHelp(command);
  }
  return message.replace(/\s*[\r\n]+\s*/g, ' ') + seeHelp(command);
}

const seeHelp = (command: string | undefined): string => ` (see ssot-codemod ${command ? `${command} ` : ''}--help)`;

/** jscodeshift's options, which its users type out of habit, and what takes their place here. */
const JSCODESHIFT_HABITS: Record<string, string> = {
  extensions: 'the files are those the registry\'s include and exclude globs name',
  parser: 'each file is parsed as its extension says',
  'ignore-pattern': 'use the registry\'s exclude globs',
  print: 'with --dry-run the patch is printed',
};

/** The checks that span several options of `apply`. */
function checkApplyOptions(argv: Record<string, any>): true {
  if (argv.dryRun && argv.commit) throw valueProblem('--dry-run writes nothing, so there is nothing to --commit; drop one of them');
  if (argv.dryRun && argv.verify !== undefined) throw valueProblem('--dry-run writes nothing, so there is nothing to --verify; drop one of them');
  if (argv.depth !== undefined && argv.batchBy !== 'directory') throw valueProblem(`--depth groups folders: it goes with --batch-by directory (not ${argv.batchBy})`);
  if (argv.force && !argv.outDir) throw valueProblem('--force replaces an older plan in --out-dir: give --out-dir DIR with it');
  return true;
}

// ── the commands ────────────────────────────────────────────────────────────

async function check(argv: Record<string, any>): Promise<number> {
  const quiet = !!argv.quiet;
  const outcome = await engine.check().runCheck({
    cwd: process.cwd(),
    config: argv.config,
    paths: argv.paths,
    format: argv.format as CheckFormat,
    color: !argv.out && colorFor(process.stdout, argv.color),
    maxViolations: argv.maxViolations,
    baseline: argv.baseline,
    writeBaseline: argv.writeBaseline,
    workers: argv.workers,
    fileTimeoutMs: argv.fileTimeout * 1000,
    toolVersion: VERSION,
    onProgress: progress('check', quiet),
  });
  sayInterrupted(outcome.interrupted);
  sayNotes(outcome.notes, quiet);
  if (argv.out) fs.writeFileSync(path.resolve(argv.out), outcome.output);
  else if (quiet && argv.format === 'text') write(process.stdout, engine.report().formatFindingLines(outcome.report));
  else write(process.stdout, outcome.output);
  // The text dashboard lists the errors itself; other formats (or a report in a file) get them on stderr.
  if (argv.format !== 'text' || argv.out) {
    for (const e of outcome.report.errors) write(process.stderr, findingLine(e));
  }
  for (const reason of outcome.gate.reasons) write(process.stderr, `gate failed: ${reason}`);
  return outcome.gate.passed && outcome.report.errors.length === 0 ? EXIT.done : EXIT.failed;
}

/** The command line, as a shell would take it back. */
function shellCommand(args: string[]): string {
  const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return ['ssot-codemod', ...args].map(quote).join(' ');
}

/**
 * The command that goes on from where a run stopped: the same one, since a run plans from the tree as it
 * is (the batches written are no longer in the plan, a batch rolled back is again); with `--force` when an
 * `--out-dir` now holds this run's own plan.
 */
function nextCommand(args: string[], argv: Record<string, any>): string {
  return shellCommand(argv.outDir && !argv.force ? [...args, '--force'] : args);
}

/** SIGINT and SIGTERM during a real apply: the first stops the run after rolling back the batch under way; a second stops at once. */
function stopOnSignals(controller: AbortController): () => void {
  const handler = (signal: StopSignal): void => {
    if (controller.signal.aborted) {
      write(process.stderr, `ssot-codemod: ${signal} again: stopping now; \`ssot-codemod recover\` (or the next apply) restores the batch under way from its journal`);
      process.exit(SIGNAL_EXIT[signal]);
    }
    write(process.stderr, `ssot-codemod: ${signal}: stopping after rolling back the batch under way (${signal} again to stop at once)`);
    controller.abort(signal);
  };
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

async function apply(argv: Record<string, any>, args: string[]): Promise<number> {
  const quiet = !!argv.quiet;
  const patchToStdout = argv.dryRun && !argv.out && !argv.outDir;
  const format = argv.format as SummaryFormat;
  const controller = new AbortController();
  const stopListening = argv.dryRun ? () => undefined : stopOnSignals(controller);
  let outcome: ApplyOutcome;
  try {
    outcome = await engine.apply().runApply({
      cwd: process.cwd(),
      config: argv.config,
      paths: argv.paths,
      dryRun: !!argv.dryRun,
      transforms: argv.transform,
      batchSize: argv.batchSize,
      batchBy: argv.batchBy as BatchBy,
      depth: argv.depth,
      batch: argv.batch,
      verify: argv.verify,
      commit: !!argv.commit,
      workers: argv.workers,
      fileTimeoutMs: argv.fileTimeout * 1000,
      shard: argv.shard,
      formatWith: argv.formatWith,
      out: argv.out,
      outDir: argv.outDir,
      force: !!argv.force,
      signal: controller.signal,
      onProgress: progress(argv.dryRun ? 'planning' : 'apply', quiet),
      onBatch: argv.dryRun || quiet ? undefined : (o, total, transforms) => write(process.stderr, engine.summary().batchLine(o, total, transforms)),
    });
  } finally {
    stopListening();
  }
  sayRecovered(outcome.recovered, outcome.clearedCommit);
  sayInterrupted(outcome.interrupted);
  sayPending(outcome.pendingCommit);
  if (outcome.committedPending) write(process.stderr, `committed "${outcome.committedPending.pending.subject}", left uncommitted by an earlier run: ${outcome.committedPending.commit.slice(0, 10)}`);
  sayNotes(outcome.notes, quiet);
  const { summary, stoppedBy } = outcome;
  if (patchToStdout) write(process.stdout, colorFor(process.stdout, argv.color) ? engine.patch().colorizePatch(outcome.patch) : outcome.patch);
  if (stoppedBy) summary.next = nextCommand(args, argv);
  if (quiet) {
    for (const f of [...summary.findings, ...summary.errors]) write(process.stderr, findingLine(f));
  } else {
    // The summary goes where the patch does not: stdout for JSON/Markdown when the patch went to a file.
    write(format !== 'text' && !patchToStdout ? process.stdout : process.stderr, engine.summary().formatSummary(summary, format));
  }
  const failedBatch = summary.batches.find((b) => b.status === 'rolled-back' || b.status === 'failed');
  if (stoppedBy === 'interrupted') {
    const undone = failedBatch ? `batch ${failedBatch.batch.index} was rolled back` : 'no batch was under way';
    write(process.stderr, `interrupted${summary.stopped?.signal ? ` by ${summary.stopped.signal}` : ''}: ${undone}`);
  }
  if (failedBatch?.verifyOutput !== undefined && stoppedBy === 'verify') {
    write(process.stderr, `verify failed; batch ${failedBatch.batch.index} was rolled back:\n${failedBatch.verifyOutput}`);
  }
  if (failedBatch?.error) write(process.stderr, `batch ${failedBatch.batch.index} was not written: ${failedBatch.error}`);
  if (failedBatch?.kept) write(process.stderr, `kept as they are, not rolled back (changed while batch ${failedBatch.batch.index} was in flight; review them): ${failedBatch.kept.join(', ')}`);
  // The summary ends with it; --quiet prints no summary, but a stop always says how to go on.
  if (quiet && summary.next) write(process.stderr, `to go on: ${summary.next}`);
  if (stoppedBy === 'interrupted') {
    const signal = summary.stopped?.signal as StopSignal | undefined;
    return signal && signal in SIGNAL_EXIT ? SIGNAL_EXIT[signal] : EXIT.failed;
  }
  if (stoppedBy === 'verify') return EXIT.verifyFailed;
  return stoppedBy || summary.errors.length > 0 ? EXIT.failed : EXIT.done;
}

function recover(argv: Record<string, any>): number {
  const session = engine.session().openSession(argv.config, process.cwd(), { write: true, force: !!argv.force, recovering: true });
  session.close();
  const { registry, recovered, clearedCommit, pendingCommit } = session;
  sayNotes(registry.notes, !!argv.quiet);
  if (recovered?.setAside) write(process.stderr, `set the damaged journal aside as ${recovered.setAside}; nothing was restored from it`);
  else if (recovered || clearedCommit) sayRecovered(recovered, clearedCommit);
  else if (!pendingCommit && !argv.quiet) write(process.stderr, 'nothing to recover: no interrupted batch');
  sayPending(pendingCommit);
  return EXIT.done;
}

function init(argv: Record<string, any>): number {
  const { file, text, proposals } = engine.init().runInit({ cwd: process.cwd(), config: argv.config });
  if (argv.quiet) return EXIT.done;
  const live = proposals.filter((p) => p.active).length;
  const commented = proposals.length - live;
  write(process.stderr, `wrote ${file}: ${proposals.length === 0 ? 'no legacy module found to propose' : `${live} proposal(s) in effect, ${commented} commented out for you to complete`} (${text.split('\n').length} lines)`);
  write(process.stderr, 'next: read it (each proposal says why it is there), then run ssot-codemod check');
  return EXIT.done;
}

function listTransforms(): number {
  for (const name of TRANSFORM_ORDER) write(process.stdout, `${name.padEnd(22)} ${TRANSFORM_DESCRIPTIONS[name]}`);
  return EXIT.done;
}

async function main(): Promise<number> {
  const args = hideBin(process.argv);
  let exitCode: number = EXIT.done;
  const run = (handler: (argv: Record<string, any>, args: string[]) => number | Promise<number>) => async (argv: Record<string, any>) => {
    try {
      exitCode = await handler(argv, args);
    } catch (error) {
      exitCode = fail(error);
    }
  };
  try {
    await yargs(args)
      .scriptName('ssot-codemod')
      .usage('$0 <command> [options]\n\nConsolidate a JS/TS or Python codebase\'s imports onto the canonical modules named in ssot.config.json.')
      .options(GLOBAL_OPTIONS)
      .command('init', 'Write a starter ssot.config.json here, with legacy modules proposed from the code (never overwrites)', (y) =>
        y.example('$0 init', 'then read ssot.config.json and run $0 check'),
      run(init))
      .command('check [paths..]', 'Measure fragmentation: violations per category, canonical usage, patterns, legacy importers', (y) =>
        y.positional('paths', { type: 'string', array: true, describe: 'Files, folders or quoted globs (default: the registry\'s include globs)' })
          .options({ ...SCANNING_OPTIONS, ...CHECK_OPTIONS })
          .example('$0 check', 'the dashboard')
          .example('$0 check --format sarif --out ssot.sarif', 'for code scanning')
          .example('$0 check --max-violations 0', 'a CI gate')
          .example('$0 check --write-baseline .ssot-baseline.json', 'record today\'s counts; later: --baseline .ssot-baseline.json'),
      run(check))
      .command('apply [paths..]', 'Rewrite, batch by batch: atomic writes, optional verify and one commit per batch', (y) =>
        y.positional('paths', { type: 'string', array: true, describe: 'Files, folders or quoted globs (default: the registry\'s include globs)' })
          .options({ ...SCANNING_OPTIONS, ...APPLY_OPTIONS })
          .check(checkApplyOptions)
          .example('$0 apply --dry-run --batch-size 50 --out plan.patch', 'the whole migration as a reviewable patch')
          .example('$0 apply --dry-run --batch-by package --out-dir plan/', 'one patch per package of a monorepo')
          .example('$0 apply --batch-size 50 --verify "npm test" --commit', 'write, verify and commit batch by batch')
          .example('$0 apply --batch 2 --batch-size 50 --commit', 'only the second batch of the plan'),
      run(apply))
      .command('recover', 'Restore a batch that an interrupted run left half-written', (y) => y.options(RECOVER_OPTIONS), run(recover))
      .command('transforms', 'List the transforms, in the order they run', (y) => y, run(listTransforms))
      .demandCommand(1, `Name a command: ${COMMANDS.join(', ')}`)
      .strict()
      .version(VERSION)
      .help()
      .alias('help', 'h')
      .wrap(process.stdout.columns ? Math.min(120, process.stdout.columns) : null)
      .fail((message, error) => {
        // Thrown, so that no handler runs after a usage problem.
        if (error instanceof UserError) throw error;
        const said = message ?? error?.message ?? 'invalid command line';
        throw new UsageError(valueProblems.has(said) ? said : usageMessage(said, args));
      })
      .parseAsync();
  } catch (error) {
    return fail(error);
  }
  return exitCode;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => { process.exitCode = fail(error); },
);
