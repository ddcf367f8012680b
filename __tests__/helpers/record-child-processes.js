/**
 * A Node preload (`node --require <this file> dist/bin/ssot-codemod.js …`) that records every child process
 * the program starts, one JSON line per call, to the file named by SSOT_CHILD_PROCESS_LOG. Used by
 * __tests__/security.test.ts to prove that `--verify` is the only command run through a shell.
 *
 * It wraps the functions on the `child_process` module object before the program loads, so that both
 * `require('node:child_process').spawn(…)` and compiled `import { spawn } from …` (which reads the property
 * at each call) go through it; `syncBuiltinESMExports` does the same for ES modules. The raw bindings a
 * program could use to get around it (`process.binding('spawn_sync' | 'process_wrap')`) are recorded too.
 * Preloads also run in worker threads, so calls made there are recorded as well (`thread` > 0).
 */
'use strict';
const fs = require('node:fs');
const childProcess = require('node:child_process');
const { syncBuiltinESMExports } = require('node:module');
const { threadId } = require('node:worker_threads');

const LOG = process.env.SSOT_CHILD_PROCESS_LOG;
if (!LOG) throw new Error('record-child-processes.js: set SSOT_CHILD_PROCESS_LOG to the log file');

const record = (entry) => fs.appendFileSync(LOG, JSON.stringify({ pid: process.pid, thread: threadId, ...entry }) + '\n');

record({ fn: 'hook-loaded' });

// Node's own exec() calls spawn() internally; only the outermost call is the program's.
let depth = 0;
const WRAPPED = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
for (const name of WRAPPED) {
  const original = childProcess[name];
  childProcess[name] = function recorded(file, ...rest) {
    if (depth === 0) {
      const args = Array.isArray(rest[0]) ? rest[0] : null;
      const options = rest.find((r) => r !== null && typeof r === 'object' && !Array.isArray(r)) || {};
      record({ fn: name, file, args, shell: options.shell === undefined ? null : options.shell, cwd: options.cwd || null });
    }
    depth++;
    try {
      return original.call(this, file, ...rest);
    } finally {
      depth--;
    }
  };
}
syncBuiltinESMExports();

const binding = process.binding;
process.binding = function recordedBinding(name) {
  if (name === 'spawn_sync' || name === 'process_wrap') record({ fn: 'process.binding', file: name });
  return binding.call(this, name);
};
