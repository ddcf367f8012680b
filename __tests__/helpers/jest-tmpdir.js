/**
 * One temporary folder for the whole `npm test`, as TMPDIR of every test and of every process a test
 * starts, removed when the run ends. Some tests kill the CLI with SIGKILL mid-run on purpose (the
 * `--verify` output folder it makes cannot be removed by a process that is killed): their leftovers go
 * here, not into the machine's /tmp.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function setUp() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-jest-')));
  // As /tmp is: the tests that run the CLI as another user make their folders in it too.
  fs.chmodSync(dir, 0o1777);
  process.env.SSOT_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};

module.exports.tearDown = async function tearDown() {
  const dir = process.env.SSOT_JEST_TMPDIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
