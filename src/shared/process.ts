/**
 * Whether the process that wrote a record (a lock, a journal, a commit record) still runs. A pid alone
 * says little: pids are reused, after a reboot and in every new container (whose entry point is pid 1
 * again). A record also has the moment it was written (its file's time, or a time inside it), and the
 * process that wrote it was running then; so a process with that pid that started later is another one.
 * Linux tells when a process started (/proc); where nothing tells, a live pid is `unknown`, and a lock in
 * that state is taken over only with `--force`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Liveness = 'running' | 'gone' | 'unknown';

/** Clock ticks per second in /proc (USER_HZ, fixed at 100 by the kernel's ABI). */
const TICKS_PER_SECOND = 100;
/** The clock, file times and /proc's tick count may disagree by this much. */
const CLOCK_SLACK_MS = 1_000;

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** `pid (comm) state … starttime …` of /proc/<pid>/stat; the name may hold spaces and parentheses. */
function procStat(pid: number): string[] | null {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Whether `pid` names a process that exists and is not a zombie, ours or another user's. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/** When `pid` started (ms since the epoch); null where the system does not say. */
function processStartMs(pid: number): number | null {
  const startTicks = Number(procStat(pid)?.[19]);
  const uptime = parseFloat(readProc('/proc/uptime') ?? '');
  if (!Number.isFinite(startTicks) || !Number.isFinite(uptime)) return null;
  const bootMs = Date.now() - uptime * 1000;
  return bootMs + (startTicks / TICKS_PER_SECOND) * 1000;
}

/**
 * Whether the process `pid`, which wrote a record at `writtenAtMs`, still runs: a process with that pid
 * that started after the record, or that is not the program that writes such records (`program`, matched
 * against the name of its executable: pid 1 of a container is its init), is another one.
 */
export function livenessOf(pid: number, writtenAtMs: number, program: RegExp = /node/): Liveness {
  if (!isProcessAlive(pid)) return 'gone';
  const started = processStartMs(pid);
  if (started === null || !Number.isFinite(writtenAtMs)) return 'unknown';
  if (started > writtenAtMs + CLOCK_SLACK_MS) return 'gone';
  const executable = executableOf(pid);
  return executable === null || program.test(path.basename(executable)) ? 'running' : 'gone';
}

/**
 * This boot of this machine (Linux: a random id the kernel makes at boot); null where the system does not
 * say. A record written under another boot was written by a process that has ended.
 */
export function currentBootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** The program a process runs: its executable, else the first word of its command line; null if neither can be read. */
function executableOf(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return commandLineOf(pid)?.[0] ?? null;
  }
}

/** A process's command line, word by word; null where it cannot be read. */
export function commandLineOf(pid: number): string[] | null {
  return readProc(`/proc/${pid}/cmdline`)?.split('\0').filter(Boolean) ?? null;
}

export interface ProcessInfo {
  pid: number;
  /** Its command line. */
  command: string[];
  /** Its working folder; null when it cannot be read (another user's process). */
  cwd: string | null;
}

/** The live processes of this system other than ours (Linux: /proc); null where the system does not list them. */
export function listProcesses(): ProcessInfo[] | null {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return null;
  }
  const processes: ProcessInfo[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!/^\d+$/.test(name) || pid === process.pid || !isProcessAlive(pid)) continue;
    const command = commandLineOf(pid);
    if (command === null) continue;
    let cwd: string | null;
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      cwd = null;
    }
    processes.push({ pid, command, cwd });
  }
  return processes;
}
