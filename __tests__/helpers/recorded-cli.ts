/**
 * The built CLI run under watch, for the security tests: two Node preloads record every child process
 * (record-child-processes.js) and every path handed to `fs` (record-file-access.js), in the main thread
 * and in worker threads; a `git` first on PATH logs its arguments and the GIT_* variables it was started
 * with, then hands over to the real git, so that no git started past the recorder goes unseen.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from './temp-repo';
import { BIN } from './cli';

const CHILD_RECORDER = path.join(__dirname, 'record-child-processes.js');
const FILE_RECORDER = path.join(__dirname, 'record-file-access.js');

export interface Call {
  pid: number;
  thread: number;
  fn: string;
  file: unknown;
  args: unknown;
  shell: unknown;
}

export interface RecordedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: Call[];
  /** The argument lists the `git` on PATH was started with, in order. */
  gitOnPath: string[][];
  /** For each of those, the GIT_* variables it had (`NAME=value`). */
  gitEnvironments: string[][];
  /**
   * Every path the program handed to `fs` to read, list, write or remove (and where it leads through links),
   * absolute; calls that only find out where a path leads (realpath, readlink) are left out.
   */
  accessed: string[];
}

/** A `git` first on PATH that logs its arguments and GIT_* environment (unit-separated) and execs the real one. */
function gitShim(): { dir: string; log: string; envLog: string } {
  const realGit = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'git')).find((file) => fs.existsSync(file));
  if (!realGit) throw new Error('git is not on PATH');
  const dir = makeTempDir('ssot-shim-');
  const log = path.join(dir, 'git-calls');
  const envLog = path.join(dir, 'git-env');
  fs.writeFileSync(
    path.join(dir, 'git'),
    `#!/bin/sh\nprintf '%s\\037' "$@" >> '${log}'\necho >> '${log}'\n` +
      `env | grep '^GIT_' | tr '\\n' '\\037' >> '${envLog}'\necho >> '${envLog}'\nexec '${realGit}' "$@"\n`,
    { mode: 0o755 },
  );
  return { dir, log, envLog };
}

/** The built CLI, run in `cwd` with both recorders preloaded and the logging git first on PATH. */
export function recordedCli(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): RecordedRun {
  const logDir = makeTempDir('ssot-calls-');
  const calls = path.join(logDir, 'calls.jsonl');
  const accessed = path.join(logDir, 'files.jsonl');
  const shim = gitShim();
  const run = spawnSync(process.execPath, ['--require', CHILD_RECORDER, '--require', FILE_RECORDER, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: 'true',
      ...options.env,
      SSOT_CHILD_PROCESS_LOG: calls,
      SSOT_FILE_ACCESS_LOG: accessed,
      PATH: `${shim.dir}${path.delimiter}${options.env?.PATH ?? process.env.PATH}`,
    },
  });
  const lines = (file: string): string[] => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    calls: lines(calls).map((line) => JSON.parse(line) as Call),
    gitOnPath: lines(shim.log).map((line) => line.split('\x1f').slice(0, -1)),
    gitEnvironments: lines(shim.envLog).map((line) => line.split('\x1f').filter(Boolean)),
    accessed: [...new Set(lines(accessed).map((line) => JSON.parse(line) as { fn: string; paths: string[] })
      .filter((call) => !/realpath|readlink/.test(call.fn)).flatMap((call) => call.paths))],
  };
}

/** The calls that started something (the recorders' own "loaded" lines left out). */
export const started = (run: RecordedRun): Call[] => run.calls.filter((call) => call.fn !== 'hook-loaded');

export const isGitWithArgumentArray = (call: Call): boolean =>
  (call.fn === 'execFileSync' || call.fn === 'spawn') && call.file === 'git' && !call.shell &&
  Array.isArray(call.args) && (call.args as unknown[]).every((arg) => typeof arg === 'string');

/** What git was started with, as the recorder saw it, to compare with what the git on PATH saw. */
export const gitArgs = (run: RecordedRun): string[][] => started(run).filter((call) => call.file === 'git').map((call) => call.args as string[]);
