/**
 * A Node preload that suspends its process (SIGSTOP, as Ctrl-Z does) right after the program first opens
 * or reads a file whose path ends with SSOT_PAUSE_AFTER_READING: a recover stopped in the middle, after
 * reading the journal and before restoring from it. SIGCONT resumes it.
 */
'use strict';
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const suffix = process.env.SSOT_PAUSE_AFTER_READING;
if (!suffix) throw new Error('pause-on-read.js: set SSOT_PAUSE_AFTER_READING');
let paused = false;
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function pausing(file, ...rest) {
    const result = original.call(this, file, ...rest);
    if (!paused && typeof file === 'string' && file.endsWith(suffix)) {
      paused = true;
      process.kill(process.pid, 'SIGSTOP');
    }
    return result;
  };
}
syncBuiltinESMExports();
