#!/usr/bin/env node
/**
 * The benchmark's lower bound: the least work any tool doing this job must do, in one process, one
 * thread. Load the registry, list the files it includes (the same globs and ignore rules as
 * ssot-codemod), read every file, apply the same text pre-filter, and parse each file that passes it
 * once with @babel/parser (the same parser settings), or a Python file with pyright's parser (as ours does).
 * Nothing is resolved, edited or printed.
 *
 *   node bench/lower-bound.js <tree> [--walk] [--parser babel|oxc|none]
 *
 * --walk lists files with a plain recursive walk of <tree>/src instead of the registry's globs.
 * --parser: @babel/parser with our settings (default); oxc-parser (native, from npm); none (read and
 * pre-filter only).
 * Prints one JSON line: files, bytes, parsed, parseErrors, seconds.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist', 'src');
const { loadRegistry } = require(path.join(dist, 'registry', 'load.js'));
const { discoverFiles } = require(path.join(dist, 'runner', 'discover.js'));
const { mentionsRegistry } = require(path.join(dist, 'registry', 'prefilter.js'));
const { parseSource } = require(path.join(dist, 'languages', 'javascript', 'parse.js'));
const { parsePython } = require(path.join(dist, 'languages', 'python', 'parse.js'));

const PYTHON = /\.pyi?$/;

const PARSERS = {
  babel: (text, file) => parseSource(text, file),
  oxc: (text, file) => {
    const { errors } = require('oxc-parser').parseSync(file, text);
    if (errors.length > 0) throw new Error(errors[0].message);
  },
  none: () => {},
};

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full, out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const tree = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--parser') ?? '.');
  const parserAt = args.indexOf('--parser');
  const parserName = parserAt >= 0 ? args[parserAt + 1] : 'babel';
  const parse = PARSERS[parserName];
  if (!parse) throw new Error(`--parser: one of ${Object.keys(PARSERS).join(', ')}`);
  const started = process.hrtime.bigint();
  const registry = loadRegistry({ configPath: path.join(tree, 'ssot.config.json') });
  const files = args.includes('--walk') ? walk(path.join(tree, 'src'), []) : discoverFiles(registry).files;
  let bytes = 0;
  let parsed = 0;
  let parseErrors = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    const python = PYTHON.test(file);
    // A Python file is pre-filtered by Python's needles, as ours does; a JavaScript file by all of them.
    if (!mentionsRegistry(registry, text, python ? file : undefined)) continue;
    parsed++;
    try {
      if (python) parsePython(file, text);
      else parse(text, file);
    } catch {
      parseErrors++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ parser: parserName, files: files.length, bytes, parsed, parseErrors, seconds })}\n`);
}

main();
