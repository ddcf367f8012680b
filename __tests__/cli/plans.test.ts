/**
 * Plans and messages that read well, through the built CLI on copies of the example: `--out-dir` and an
 * older plan, batching by package and by directory depth, batch headers and commit bodies that name only
 * the transforms that changed something, "moved" findings that name the module to use, findings in one
 * order and one shape in every output, `check`'s fixable count, and SARIF that code scanning can track.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, exampleRepo, treeState } from '../helpers/cli';
import { git, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

interface JsonFinding { file: string; line: number; column: number; kind: string; message: string; fixable?: boolean }
const line = (f: JsonFinding): string => `${f.file}:${f.line}:${f.column}: ${f.kind}: ${f.message}`;

describe('--out-dir and an older plan', () => {
  it('refuses a folder holding an older plan (exit 2, nothing written); --force replaces only the plan\'s own files', () => {
    const root = exampleRepo();
    expect(cli(root, 'apply', '--dry-run', '--batch-size', '2', '--out-dir', 'plan').status).toBe(0);
    const older = fs.readdirSync(path.join(root, 'plan')).sort();
    expect(older.length).toBeGreaterThan(8);
    writeFiles(root, { 'plan/NOTES.md': 'my review notes\n' });

    const before = treeState(root);
    const refused = cli(root, 'apply', '--dry-run', '--batch-size', '5', '--out-dir', 'plan');
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe('ssot-codemod: --out-dir plan: holds an older plan (batch-001.json, batch-001.patch, batch-002.json and ' +
      `${older.length - 3} more); pass --force to replace it (only its batch-NNN.patch and .json files are removed), or choose another folder`);
    expect(treeState(root)).toEqual(before);

    const forced = cli(root, 'apply', '--dry-run', '--batch-size', '5', '--out-dir', 'plan', '--force');
    expect(forced.status).toBe(0);
    const batches = Number(/in (\d+) batches/.exec(forced.stderr)![1]);
    const expected = Array.from({ length: batches }, (_, i) => [`batch-00${i + 1}.json`, `batch-00${i + 1}.patch`]).flat();
    expect(fs.readdirSync(path.join(root, 'plan')).sort()).toEqual(['NOTES.md', ...expected].sort());
    expect(fs.readFileSync(path.join(root, 'plan/NOTES.md'), 'utf8')).toBe('my review notes\n');
  });
});

describe('batches a monorepo can review', () => {
  it('--batch-by package groups by the nearest package.json; --batch-by directory --depth 1 by top folder', () => {
    const root = exampleRepo();
    writeFiles(root, { 'src/services/package.json': '{ "name": "@netra/services" }\n' });
    const byPackage = cli(root, 'apply', '--dry-run', '--batch-by', 'package', '--format', 'json', '--out', 'p.patch');
    expect(byPackage.status).toBe(0);
    const batches = JSON.parse(byPackage.stdout).batches as { batch: { label: string; files: string[] } }[];
    expect(batches.map((b) => b.batch.label)).toEqual(['(root)', 'src/services']);
    expect(batches[1].batch.files.every((f) => f.startsWith('src/services/'))).toBe(true);
    expect(batches[0].batch.files.some((f) => f.startsWith('src/services/'))).toBe(false);

    const byDepth = cli(root, 'apply', '--dry-run', '--batch-by', 'directory', '--depth', '1');
    expect(byDepth.stdout.match(/^# ssot-codemod batch \d+: \S+/gm)).toEqual(['# ssot-codemod batch 1: src', '# ssot-codemod batch 2: tests']);
  });

  it('batch headers and commit bodies name only the transforms that changed something in the batch', () => {
    const root = exampleRepo();
    const dry = cli(root, 'apply', '--dry-run', '--batch-by', 'directory');
    const headers = dry.stdout.match(/^# ssot-codemod batch .*$/gm)!;
    const counts = JSON.parse(cli(root, 'apply', '--dry-run', '--batch-by', 'directory', '--format', 'json', '--out', 'p.patch').stdout)
      .batches.map((b: { perTransform: Record<string, number> }) => Object.keys(b.perTransform).filter((name) => b.perTransform[name] > 0));
    expect(headers.map((h) => h.replace(/^.* - /, '').split(', '))).toEqual(counts);
    // Some batch was changed by fewer than all three: the check above can tell.
    expect(counts.some((names: string[]) => names.length < 3)).toBe(true);

    const run = cli(root, 'apply', '--batch-by', 'directory', '--commit');
    expect(run.status).toBe(0);
    const bodies = git(root, 'log', '--reverse', '--format=%b%x00').split('\0').filter((b) => b.includes('Transforms:'));
    expect(bodies.map((b) => /Transforms: (.*)/.exec(b)![1].split(', '))).toEqual(counts);
    for (const body of bodies) expect(body).not.toMatch(/: 0[,)]/);
  });
});

describe('findings read the same everywhere', () => {
  const root = exampleRepo();
  const json = JSON.parse(cli(root, 'check', '--format', 'json').stdout);
  const findings = json.findings as JsonFinding[];
  const text = cli(root, 'check').stdout;
  const dryRun = cli(root, 'apply', '--dry-run');

  it('are sorted by file, line and column, and printed as path:line:col: kind: message in text, Markdown and apply\'s summary', () => {
    const sorted = [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    expect(findings.map(line)).toEqual(sorted.map(line));
    const markdown = cli(root, 'check', '--format', 'markdown').stdout;
    const shown = (output: string) => findings.map(line).filter((l) => output.includes(l));
    expect(shown(text)).toEqual(findings.map(line));
    expect(shown(markdown)).toEqual(findings.map(line));
    // In the order of the JSON.
    const positions = findings.map((f) => text.indexOf(line(f)));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const summary = dryRun.stderr;
    const human = findings.filter((f) => !f.fixable && summary.includes(line(f)));
    expect(human.length).toBeGreaterThan(0);
    expect(summary.split('\n').filter((l) => /^ {2}\S+:\d+:\d+: /.test(l)).map((l) => l.trim())).toEqual(human.map(line));
  });

  it('check says how many apply fixes, and marks them; apply then leaves exactly the others', () => {
    const fixable = findings.filter((f) => f.fixable).length;
    expect(json.fixable).toBe(fixable);
    expect(fixable).toBeGreaterThan(0);
    expect(fixable).toBeLessThan(findings.length);
    // The header also says what the findings are beside violations: `Findings (47: 40 violations, 6 unmapped-name, 1 conflict): …`.
    expect(text).toMatch(new RegExp(`Findings \\(${findings.length}(: [^)]*)?\\): ${fixable} of ${findings.length} fixable by apply \\(✓\\), ${findings.length - fixable} need a human \\(!\\)`));
    const applied = exampleRepo();
    expect(cli(applied, 'apply').status).toBe(0);
    const after = JSON.parse(cli(applied, 'check', '--format', 'json').stdout);
    expect(after.fixable).toBe(0);
  });

  it('a "moved" finding names the module to use, as the rewrite will write it', () => {
    const moved = findings.filter((f) => / moved /.test(f.message));
    expect(moved.length).toBeGreaterThan(0);
    for (const f of moved) expect(f.message).toMatch(/^"[^"]*execution_engine_unified_factory(\.js)?" moved to "[^"]*supervisor\/execution_engine_factory(\.js)?": import from there$/);
    // The module named is the one the rewrite writes in that file.
    const patch = dryRun.stdout.split(/^diff --git /m);
    for (const f of moved) {
      const to = /moved to "([^"]*)"/.exec(f.message)![1];
      const filePatch = patch.find((p) => p.startsWith(`a/${f.file} `))!;
      expect(filePatch.split('\n').some((l) => l.startsWith('+') && l.includes(`'${to}'`))).toBe(true);
    }
  });

  it('SARIF rules carry a full description and a help link, and results a fingerprint', () => {
    const sarif = JSON.parse(cli(root, 'check', '--format', 'sarif').stdout).runs[0];
    for (const rule of sarif.tool.driver.rules) {
      expect(rule.fullDescription.text).toContain(rule.shortDescription.text);
      expect(rule.helpUri).toMatch(new RegExp(`#${rule.id}$`));
    }
    for (const result of sarif.results) expect(Object.keys(result.partialFingerprints)).toEqual(['ssotFinding/v1']);
  });
});
