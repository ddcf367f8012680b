#!/usr/bin/env node
/**
 * The README's Performance table, made from the benchmark's JSON (never typed by hand).
 *
 *   node bench/readme-table.js [results.json]            prints the Markdown
 *   node bench/readme-table.js [results.json] --write    replaces it in README.md, between
 *                                                        <!-- bench:start --> and <!-- bench:end -->
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const COLUMNS = [
  ['ours', 'ours: apply'], ['ours-check', 'ours: check'], ['base', 'before (apply)'], ['ast-grep', 'ast-grep script'],
  ['ts-morph', 'ts-morph script'], ['runner', 'jscodeshift runner'], ['typical', 'jscodeshift typical'],
  ['lower-bound', 'babel bound'], ['lower-oxc', 'oxc bound'], ['lower-read', 'read + pre-filter'],
];

const fmt = (s) => (s == null ? '–' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtX = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);

function treeLabel(size) {
  if (size.kind === 'real') return `TypeORM sources, ${size.tree.files} files (${size.tree.errorClasses} error classes onto \`src/error\`)`;
  if (size.kind === 'sites') return `one file, ${size.tree.hugeFile.sites.toLocaleString('en-US')} \`new\` sites (${(size.tree.hugeFile.bytes / 1048576).toFixed(1)} MB)`;
  return `${size.files.toLocaleString('en-US')} generated files, ${size.percent}% legacy`;
}

function render(results) {
  const present = COLUMNS.filter(([id]) => results.sizes.some((s) => s.contenders[id]));
  const lines = [];
  const m = results.machine;
  lines.push(`Wall / CPU seconds, medians of up to ${results.options.runs} runs (CPU: user + system of the whole process tree); peak memory of ours; ${m.cores}-core ${m.cpuModel}, Node ${m.node}, load average ${m.loadAverageAtStart?.join(' ') ?? '?'} at the start (other jobs shared the machine). \`bench/results.json\`, ${results.generatedAt.slice(0, 10)}:`);
  lines.push('');
  lines.push(`| tree | ${present.map(([, label]) => label).join(' | ')} |`);
  lines.push(`| --- | ${present.map(() => '---').join(' | ')} |`);
  for (const size of results.sizes) {
    const cells = present.map(([id]) => {
      const c = size.contenders[id];
      if (!c) return '';
      if (c.status === 'skipped') return 'skipped';
      if (c.status !== 'ok') return c.status;
      const mem = id === 'ours' || id === 'ours-check' ? `, ${c.peakMB} MB` : '';
      return `${fmt(c.medianSeconds)} / ${fmt(c.medianCpuSeconds)}${mem}`;
    });
    lines.push(`| ${treeLabel(size)} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push('| tree | ast-grep ÷ ours (wall / CPU) | ours ÷ babel bound (wall / CPU) | check ÷ babel bound (wall / CPU) | files changed: ours / ast-grep |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const size of results.sizes) {
    const r = size.ratios ?? { vsOurs: {}, vsLower: {} };
    const ag = r.vsOurs['ast-grep'];
    const lo = r.vsLower.ours;
    const ch = r.vsLower['ours-check'];
    const changed = `${size.contenders.ours?.changedFiles ?? '–'} / ${size.contenders['ast-grep']?.summary?.changed ?? '–'}`;
    lines.push(`| ${treeLabel(size)} | ${fmtX(ag?.wall)} / ${fmtX(ag?.cpu)} | ${fmtX(lo?.wall)} / ${fmtX(lo?.cpu)} | ${fmtX(ch?.wall)} / ${fmtX(ch?.cpu)} | ${changed} |`);
  }
  lines.push('');
  lines.push('Targets (as the bench judged them):');
  lines.push('');
  for (const t of results.targets) lines.push(`- **${t.status}** ${t.description}: ${t.detail}`);
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, 'results.json'));
  const markdown = render(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!args.includes('--write')) {
    process.stdout.write(`${markdown}\n`);
    return;
  }
  const readme = path.join(__dirname, '..', 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  fs.writeFileSync(readme, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
  console.error('README.md: the Performance table is rewritten');
}

main();
