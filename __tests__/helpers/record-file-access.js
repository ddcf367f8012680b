/**
 * A Node preload (`node --require <this file> dist/bin/ssot-codemod.js …`) that records every path the
 * program hands to the `fs` module, one JSON line per call, to the file named by SSOT_FILE_ACCESS_LOG.
 * Used by the hostile-repository tests to prove that nothing outside the tree is read or written: Node's
 * own loading of modules goes through its internal bindings, not through these functions, so what is
 * recorded is what the program itself asked for. Preloads also run in worker threads.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');
const { threadId } = require('node:worker_threads');

const LOG = process.env.SSOT_FILE_ACCESS_LOG;
if (!LOG) throw new Error('record-file-access.js: set SSOT_FILE_ACCESS_LOG to the log file');
// One descriptor, opened for appending before anything is wrapped: each line is one write, whole.
const log = fs.openSync(LOG, 'a');
const writeLine = fs.writeSync;
const append = (_file, line) => writeLine(log, line);
const realpath = fs.realpathSync.native;

/** The path arguments a call takes: the first, and the second for those that name two. */
const TWO_PATHS = new Set(['rename', 'renameSync', 'link', 'linkSync', 'symlink', 'symlinkSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync']);
const NAMES = [
  'open', 'openSync', 'readFile', 'readFileSync', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'createReadStream',
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'link', 'linkSync', 'symlink', 'symlinkSync',
  'copyFile', 'copyFileSync', 'cp', 'cpSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'lchown', 'lchownSync', 'utimes', 'utimesSync',
  'truncate', 'truncateSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync',
];

const asPath = (value) => {
  if (typeof value === 'string') return path.resolve(value);
  if (Buffer.isBuffer(value)) return path.resolve(value.toString('utf8'));
  if (value instanceof URL && value.protocol === 'file:') return path.resolve(value.pathname);
  return null;
};

let depth = 0;
function wrap(target, name, label) {
  const original = target[name];
  if (typeof original !== 'function') return;
  const wrapped = function recorded(...args) {
    if (depth === 0) {
      const given = [args[0], TWO_PATHS.has(name) ? args[1] : undefined].map(asPath).filter(Boolean);
      // A path through a link is recorded as the place it leads to as well, except by the calls that only
      // find out where a path leads (which is how a link out of the tree is recognised, and refused).
      const resolving = /realpath|readlink/.test(label);
      const paths = resolving ? given : given.flatMap((p) => {
        try {
          const real = realpath(p);
          return real === p ? [p] : [p, real];
        } catch {
          return [p];
        }
      });
      if (paths.length > 0) {
        depth++;
        try {
          append(LOG, JSON.stringify({ pid: process.pid, thread: threadId, fn: label, paths }) + '\n');
        } finally {
          depth--;
        }
      }
    }
    depth++;
    try {
      return original.apply(this, args);
    } finally {
      depth--;
    }
  };
  Object.assign(wrapped, original);
  target[name] = wrapped;
}

for (const name of NAMES) wrap(fs, name, name);
for (const name of ['open', 'readFile', 'readdir', 'opendir', 'writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'link', 'symlink', 'copyFile', 'cp', 'chmod', 'chown', 'utimes', 'truncate', 'readlink', 'realpath']) {
  wrap(fs.promises, name, `promises.${name}`);
}
// `fs.realpathSync.native` is a function of its own.
wrap(fs.realpathSync, 'native', 'realpathSync.native');
syncBuiltinESMExports();
