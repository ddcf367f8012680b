/**
 * A Node preload that does something nasty around the program's renames, to stand for what races it:
 *
 * - SSOT_SWAP_AFTER=<name>, SSOT_SWAP_FOLDER=<folder>, SSOT_SWAP_TO=<folder outside>: right after the program
 *   renames a file named <name> into place, <folder> is moved aside, copied to SSOT_SWAP_TO, and replaced by a
 *   link to that copy: a folder swapped for a link to outside while a batch is being written.
 * - SSOT_KILL_BEFORE_RENAME=<pattern>: the process kills itself (SIGKILL) just before its first rename whose
 *   source matches the pattern: a run killed between writing a temporary file and renaming it.
 * - SSOT_KILL_AFTER_RENAME=<pattern>: the same, just after such a rename (a journal renamed away: the batch
 *   is done, and the run is killed before its next step).
 * - SSOT_SAVE_AFTER_RENAME=<pattern>, SSOT_SAVE_FILE=<file>: just after the first such rename, a line is
 *   appended to <file>, as a user's editor would save it (between a batch's verify and its commit, say).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');

const { SSOT_SWAP_AFTER, SSOT_SWAP_FOLDER, SSOT_SWAP_TO, SSOT_KILL_BEFORE_RENAME, SSOT_KILL_AFTER_RENAME } = process.env;
const killPattern = SSOT_KILL_BEFORE_RENAME ? new RegExp(SSOT_KILL_BEFORE_RENAME) : null;
const killAfter = SSOT_KILL_AFTER_RENAME ? new RegExp(SSOT_KILL_AFTER_RENAME) : null;
const saveAfter = process.env.SSOT_SAVE_AFTER_RENAME ? new RegExp(process.env.SSOT_SAVE_AFTER_RENAME) : null;
let saved = false;
let swapped = false;
const original = fs.renameSync;
fs.renameSync = function faulty(from, to) {
  if (killPattern && killPattern.test(String(from))) process.kill(process.pid, 'SIGKILL');
  const result = original.call(this, from, to);
  if (killAfter && killAfter.test(String(from))) process.kill(process.pid, 'SIGKILL');
  if (saveAfter && !saved && saveAfter.test(String(from))) {
    saved = true;
    fs.appendFileSync(process.env.SSOT_SAVE_FILE, '// saved by the user before the commit\n');
  }
  if (SSOT_SWAP_AFTER && !swapped && path.basename(String(to)) === SSOT_SWAP_AFTER) {
    swapped = true;
    fs.cpSync(SSOT_SWAP_FOLDER, SSOT_SWAP_TO, { recursive: true });
    original(SSOT_SWAP_FOLDER, `${SSOT_SWAP_FOLDER}.moved-aside`);
    fs.symlinkSync(SSOT_SWAP_TO, SSOT_SWAP_FOLDER);
  }
  return result;
};
syncBuiltinESMExports();
