/**
 * V8's tiering, set for a command-line run that lasts seconds: on such a run V8's optimizing compiler
 * (TurboFan) costs more than most of what it compiles gives back. Measured with
 * `--no-concurrent-recompilation`, which moves its work onto the threads that asked for it: on the
 * 20,000-file bench tree the compiler threads took 1.3 CPU s of 4.1 before these flags, 0.55 of 2.35 with
 * the first alone.
 *
 * Set here, in the CLI's process, before any module is loaded; V8 flags are per process, so the worker
 * threads share them, and the build's code cache is made under them (V8 rejects a cache made under other
 * flags). A library user's process is left as they set it, and so is any of these flags given to node.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly { flag: string; value: number; why: string }[] = [
  {
    // npm run bench, same run, medians: CPU −17% on TypeORM's sources, −10% at 20,000 files, −9% at 100,000.
    flag: 'interrupt-budget',
    value: 300_000,
    why: 'a function is optimized after about 300 KB of its bytecode has run, not 66 KB: only what is really hot',
  },
  {
    // With the budget above, at 20,000 files: compile time (--trace-opt) 850 → 510 ms, CPU −4% (apply and check).
    flag: 'max-inlined-bytecode-size',
    value: 100,
    why: 'a function of more than 100 bytes of bytecode (default 460) is called, not inlined, by the optimized code',
  },
  {
    flag: 'max-inlined-bytecode-size-cumulative',
    value: 300,
    why: 'an optimized function inlines 300 bytes of bytecode at most (default 920)',
  },
];

/** Each flag as V8 reads it. */
export function flagText(flag: { flag: string; value: number }): string {
  return `--${flag.flag}=${flag.value}`;
}

/** Sets the flags not given to node on its command line; returns those it set. */
export function tuneV8(execArgv: readonly string[] = process.execArgv): string[] {
  const set: string[] = [];
  for (const flag of V8_FLAGS) {
    // V8 reads a flag's dashes and underscores alike: `--interrupt_budget` is the same flag.
    const given = new RegExp(`^--${flag.flag.replace(/-/g, '[-_]')}(?:=|$)`);
    if (execArgv.some((arg) => given.test(arg))) continue;
    setFlagsFromString(flagText(flag));
    set.push(flagText(flag));
  }
  return set;
}

tuneV8();
