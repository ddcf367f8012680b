#!/usr/bin/env node
/**
 * The job as a user would script it with @ast-grep/napi (tree-sitter): list the registry's files, skip
 * those that hold no legacy module's name (a text pre-filter), parse the rest, and rewrite by pattern —
 * imports and `export … from` of a legacy module onto the canonical one (names renamed, references
 * renamed), moved modules' strings (`import`, `export`, `require`, `import()`, mocks) repointed,
 * `new Legacy(…)` into the factory call. No scope analysis, no cycle or mock checks, no merging.
 *
 *   node bench/peers/ast-grep.js <tree> [--out FILE]     prints one JSON line: files, parsed, changed
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse, Lang } = require('@ast-grep/napi');
const { loadJob, rewriteNamed } = require('./job');

function langOf(file) {
  if (/\.tsx$|\.jsx$/.test(file)) return Lang.Tsx;
  if (/\.[cm]?js$/.test(file)) return Lang.Tsx; // JS with JSX: the TSX grammar takes it
  return Lang.TypeScript;
}

const unquote = (text) => text.slice(1, -1);

function transform(job, file, text) {
  const root = parse(langOf(file), text).root();
  const edits = [];
  const renames = new Map();
  const imported = new Map(); // local name ➔ legacy construct rule (for new X())
  const add = (node, replacement) => edits.push({ start: node.range().start.index, end: node.range().end.index, text: replacement });

  for (const statement of root.findAll({ rule: { any: [{ kind: 'import_statement' }, { kind: 'export_statement', has: { field: 'source', kind: 'string' } }] } })) {
    const source = statement.field('source');
    if (!source) continue;
    const specifier = unquote(source.text());
    const kind = statement.kind() === 'import_statement' ? 'import' : 'export';
    const typeOnly = statement.children().some((c) => c.kind() === 'type');
    const named = [];
    let head = '';
    for (const spec of statement.findAll({ rule: { any: [{ kind: 'import_specifier' }, { kind: 'export_specifier' }] } })) {
      const name = spec.field('name').text();
      named.push({ imported: name, local: spec.field('alias')?.text() ?? name });
    }
    const clause = statement.find({ rule: { kind: 'import_clause' } });
    if (clause) {
      const def = clause.children().find((c) => c.kind() === 'identifier');
      const ns = clause.find({ rule: { kind: 'namespace_import' } });
      head = [def?.text(), ns?.text()].filter(Boolean).join(', ');
    }
    const plan = rewriteNamed(job, file, specifier, named, { kind, typeOnly, quote: source.text()[0], head });
    if (!plan) continue;
    if (plan.repoint) add(source, `${source.text()[0]}${plan.repoint}${source.text()[0]}`);
    else add(statement, plan.statements.join('\n'));
    for (const [from, to] of plan.renames) renames.set(from, to);
    const module = job.resolve(specifier, file);
    const rules = job.legacy.get(module)?.constructs;
    for (const spec of named) if (rules?.has(spec.imported)) imported.set(spec.local, rules.get(spec.imported));
  }
  // require('x'), import('x'), jest.mock('x') of a moved module.
  for (const call of root.findAll({ rule: { kind: 'call_expression', has: { field: 'arguments', has: { kind: 'string', nthChild: 1 } } } })) {
    const fn = call.field('function')?.text();
    if (!(fn === 'require' || fn === 'import' || /^(jest|vi)\.\w+$/.test(fn ?? ''))) continue;
    const literal = call.field('arguments').find({ rule: { kind: 'string' } });
    const module = job.resolve(unquote(literal.text()), file);
    const target = job.legacy.get(module)?.movedTo;
    if (target) add(literal, `${literal.text()[0]}${job.specifierFor(target, file)}${literal.text()[0]}`);
  }
  // new Legacy(args) ➔ factory(args)
  const factories = new Map();
  for (const call of root.findAll({ rule: { kind: 'new_expression' } })) {
    const callee = call.field('constructor');
    const rule = callee && imported.get(callee.text());
    if (!rule) continue;
    const args = call.field('arguments');
    const count = args ? args.children().filter((c) => !['(', ')', ','].includes(c.kind())).length : 0;
    if (count < rule.minArgs) continue;
    add(call, `${rule.factory}${args ? args.text() : '()'}`);
    factories.set(rule.factory, rule.module);
  }
  for (const [factory, module] of factories) {
    edits.push({ start: 0, end: 0, text: `import { ${factory} } from '${job.specifierFor(module, file)}';\n` });
  }
  if (renames.size > 0) {
    const names = [...renames.keys()].map((n) => n.replace(/[$]/g, '\\$')).join('|');
    for (const id of root.findAll({ rule: { any: ['identifier', 'type_identifier', 'shorthand_property_identifier'].map((kind) => ({ kind, regex: `^(${names})$` })) } })) {
      add(id, renames.get(id.text()));
    }
  }
  return splice(text, edits);
}

/** Edits applied back to front; one inside an earlier-kept edit is dropped (the statement already rewritten). */
function splice(text, edits) {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

function main() {
  const args = process.argv.slice(2);
  const tree = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
  const outIndex = args.indexOf('--out');
  const job = loadJob(tree);
  let parsed = 0;
  const changed = [];
  for (const file of job.files) {
    if (job.isRegistryFile(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (!job.mentions(text)) continue;
    parsed++;
    const output = transform(job, file, text);
    if (output !== text) changed.push({ file: path.relative(tree, file), output });
  }
  if (outIndex >= 0) fs.writeFileSync(args[outIndex + 1], JSON.stringify(changed.map((c) => c.file)));
  process.stdout.write(`${JSON.stringify({ files: job.files.length, parsed, changed: changed.length })}\n`);
}

main();
