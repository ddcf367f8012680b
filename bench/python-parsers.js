#!/usr/bin/env node
/**
 * Which Python parser can be the safety net? Measures candidate parsers on this machine's Python stdlib,
 * against CPython itself (python3's compile() is the oracle for what is valid):
 *
 *   - speed: CPU seconds to parse every valid file, as MB/s (after a warm-up);
 *   - false errors: valid files (CPython compiles them) that the parser rejects;
 *   - missed mutants: broken imports (bench/python-mutants.js; CPython rejects them) that the parser accepts,
 *     and those it rejects away from the damaged statement.
 *
 *   node bench/python-parsers.js [--stdlib DIR] [--site-packages] [--max-mutants N] [--modules DIR]
 *
 * pyright's parser (@zzzen/pyright-internal, our dependency) is always measured; tree-sitter-python
 * (web-tree-sitter + tree-sitter-python's wasm) and @lezer/python are measured when installed in
 * `--modules DIR` (a node_modules folder: `npm install web-tree-sitter tree-sitter-python @lezer/python`
 * in a scratch folder). `--site-packages` adds every installed package's files to the stdlib's.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { importMutants, CPYTHON_ORACLE } = require('./python-mutants');

function parseArgs(argv) {
  const options = { stdlib: null, sitePackages: false, maxMutants: 12000, modules: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--stdlib') options.stdlib = argv[++i];
    else if (arg === '--site-packages') options.sitePackages = true;
    else if (arg === '--max-mutants') options.maxMutants = Number(argv[++i]);
    else if (arg === '--modules') options.modules = path.resolve(argv[++i]);
    else {
      console.error(`python-parsers: unknown option ${arg}`);
      process.exit(2);
    }
  }
  return options;
}

function python(args, input) {
  const run = spawnSync('python3', args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout;
}

function listFiles(dir, sitePackages) {
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'site-packages' && !sitePackages) continue;
        if (entry.name !== '__pycache__') walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) files.push(full);
    }
  };
  walk(dir);
  return files;
}

/** CPython's verdict on each text, in order. */
function oracle(texts) {
  const input = texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  return python(['-c', CPYTHON_ORACLE], input).trim().split('\n').map((line) => JSON.parse(line));
}

/** Each candidate: a name and parse(text) ➔ { errors: [{ line, column }] }, or null when not installed. */
async function candidates(modules) {
  const list = [];
  const pyright = require('@zzzen/pyright-internal/package.json').version;
  const { Parser, ParseOptions } = require('@zzzen/pyright-internal/dist/parser/parser');
  const { DiagnosticSink } = require('@zzzen/pyright-internal/dist/common/diagnosticSink');
  const { pythonVersion3_13 } = require('@zzzen/pyright-internal/dist/common/pythonVersion');
  const { LocMessage, setLocaleOverride } = require('@zzzen/pyright-internal/dist/localization/localize');
  setLocaleOverride('en-us');
  const depthMessage = LocMessage.maxParseDepthExceeded();
  const options = new ParseOptions();
  options.pythonVersion = pythonVersion3_13;
  list.push({
    name: `pyright parser (@zzzen/pyright-internal ${pyright})`,
    parse: (text) => {
      const sink = new DiagnosticSink();
      new Parser().parseSourceFile(text, options, sink);
      return sink.getErrors().filter((e) => e.message !== depthMessage).map((e) => ({ line: e.range.start.line + 1, column: e.range.start.character + 1 }));
    },
  });
  // Our own adapter: pyright's parser and the compile-time import rules CPython adds (src/languages/python/parse.ts).
  const ours = path.join(__dirname, '..', 'dist', 'src', 'languages', 'python', 'parse.js');
  if (fs.existsSync(ours)) {
    const { parsePython } = require(ours);
    list.push({
      name: 'ours (pyright parser + import rules)',
      parse: (text) => {
        try {
          parsePython('<file>', text);
          return [];
        } catch (error) {
          return [{ line: error.line, column: error.column }];
        }
      },
    });
  }
  if (modules) {
    const from = (name) => path.join(modules, name);
    if (fs.existsSync(from('web-tree-sitter')) && fs.existsSync(from('tree-sitter-python'))) {
      const TS = require(from('web-tree-sitter/web-tree-sitter.cjs'));
      await TS.Parser.init();
      const language = await TS.Language.load(from('tree-sitter-python/tree-sitter-python.wasm'));
      const parser = new TS.Parser();
      parser.setLanguage(language);
      const version = require(from('tree-sitter-python/package.json')).version;
      list.push({
        name: `tree-sitter-python ${version} (wasm)`,
        parse: (text) => {
          const tree = parser.parse(text);
          const errors = [];
          if (tree.rootNode.hasError) {
            const cursor = tree.walk();
            const visit = () => {
              const node = cursor.currentNode;
              if (node.isError || node.isMissing) errors.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
              else if (node.hasError && cursor.gotoFirstChild()) {
                do visit(); while (cursor.gotoNextSibling());
                cursor.gotoParent();
              }
            };
            visit();
            if (errors.length === 0) errors.push({ line: 1, column: 1 });
          }
          tree.delete();
          return errors;
        },
      });
    }
    if (fs.existsSync(from('@lezer/python'))) {
      const { parser } = require(from('@lezer/python'));
      const version = require(from('@lezer/python/package.json')).version;
      list.push({
        name: `@lezer/python ${version}`,
        parse: (text) => {
          const errors = [];
          parser.parse(text).iterate({ enter: (n) => { if (n.type.isError) errors.push({ offset: n.from }); } });
          return errors.map(({ offset }) => {
            const before = text.slice(0, offset);
            return { line: (before.match(/\n/g) || []).length + 1, column: offset - before.lastIndexOf('\n') };
          });
        },
      });
    }
  }
  return list;
}

function cpuSeconds(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const stdlib = options.stdlib ?? python(['-c', "import sysconfig;print(sysconfig.get_paths()['stdlib'])"]).trim();
  const version = python(['--version']).trim() || spawnSync('python3', ['--version'], { encoding: 'utf8' }).stderr.trim();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = [];
  let notUtf8 = 0;
  for (const file of listFiles(stdlib, options.sitePackages)) {
    try {
      files.push({ file, text: decoder.decode(fs.readFileSync(file)) });
    } catch {
      notUtf8++;
    }
  }
  const verdicts = oracle(files.map((f) => f.text));
  const valid = files.filter((_, i) => !verdicts[i].rejected);
  const megabytes = valid.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1e6;
  console.log(`${version}, ${stdlib}${options.sitePackages ? ' (with site-packages)' : ''}: ${files.length} UTF-8 .py files (${notUtf8} not UTF-8), ${valid.length} valid for CPython, ${megabytes.toFixed(1)} MB`);

  const parsers = await candidates(options.modules);
  // The mutants: every import statement of the valid files, as pyright locates them, files taken by stride.
  const { Parser, ParseOptions } = require('@zzzen/pyright-internal/dist/parser/parser');
  const { DiagnosticSink } = require('@zzzen/pyright-internal/dist/common/diagnosticSink');
  const locate = (text) => {
    const spans = [];
    const tree = new Parser().parseSourceFile(text, new ParseOptions(), new DiagnosticSink()).parserOutput.parseTree;
    const visit = (node) => {
      if (!node || typeof node !== 'object' || node.nodeType === undefined) return;
      if (node.nodeType === 23 || node.nodeType === 25) spans.push({ start: node.start, end: node.start + node.length });
      for (const [key, value] of Object.entries(node.d ?? {})) {
        if (key === 'parent') continue;
        if (Array.isArray(value)) value.forEach(visit);
        else visit(value);
      }
    };
    visit(tree);
    return spans;
  };
  const all = [];
  const small = valid.filter((f) => f.text.length < 40000);
  for (let i = 0; all.length < options.maxMutants && i < small.length; i++) {
    const file = small[(i * 7919) % small.length];
    for (const mutant of importMutants(file.text, locate(file.text).slice(0, 4))) all.push({ ...mutant, file: file.file });
  }
  const mutants = all.slice(0, options.maxMutants);
  const mutantVerdicts = oracle(mutants.map((m) => m.text));
  const broken = mutants.filter((_, i) => mutantVerdicts[i].rejected);
  const stillValid = mutants.filter((_, i) => !mutantVerdicts[i].rejected);
  console.log(`${mutants.length} import mutants: ${broken.length} rejected by CPython, ${stillValid.length} still valid\n`);

  const rows = [];
  for (const parser of parsers) {
    for (const f of valid.slice(0, 50)) parser.parse(f.text);
    const falseErrors = [];
    const seconds = cpuSeconds(() => {
      for (const f of valid) if (parser.parse(f.text).length > 0) falseErrors.push(f.file);
    });
    const missed = {};
    let elsewhere = 0;
    for (const m of broken) {
      const errors = parser.parse(m.text);
      if (errors.length === 0) missed[m.kind] = (missed[m.kind] ?? 0) + 1;
      else if (!errors.some((e) => e.line >= m.line && e.line <= m.lastLine)) elsewhere++;
    }
    const falseOnMutants = stillValid.filter((m) => parser.parse(m.text).length > 0).length;
    const missedCount = Object.values(missed).reduce((a, b) => a + b, 0);
    rows.push({ parser: parser.name, MBps: +(megabytes / seconds).toFixed(2), seconds: +seconds.toFixed(2), falseErrors: falseErrors.length, falseOnValidMutants: falseOnMutants, missedMutants: missedCount, missedByClass: missed, reportedElsewhere: elsewhere, falseErrorFiles: falseErrors.slice(0, 10) });
    console.log(`${parser.name}: ${(megabytes / seconds).toFixed(2)} MB/s (${seconds.toFixed(1)} s CPU), ${falseErrors.length} false errors, ${falseOnMutants} on valid mutants; missed ${missedCount} of ${broken.length} broken mutants${missedCount ? ' ' + JSON.stringify(missed) : ''}; ${elsewhere} rejected away from the damaged statement`);
    for (const file of falseErrors.slice(0, 5)) console.log(`  false error: ${file}`);
  }
  return rows;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
