/**
 * The formatter invariant on a real codebase that uses prettier: ajv's TypeScript sources (`lib/`, from the
 * installed ajv, a dependency), formatted by its maintainers with the shared configuration its package.json
 * names, `"prettier": "@ajv-validator/config/prettierrc.json"` (no semicolons, no bracket spacing, width 100,
 * trailing commas es5; installed here as a devDependency, exactly as ajv's own devDependencies have it).
 *
 * The sources are copied with ajv's package.json into a project whose installed prettier is prettier 3, and
 * into another whose installed prettier is prettier 2. As in issue 10's measurement ("59 error classes
 * consolidated onto their barrel"), a new barrel, `lib/canonical.ts`, re-exports every name of four widely
 * imported modules (codegen, compile/util, compile/errors, vocabularies/code), and the registry makes it
 * their canonical home: every importer's names move there, merged into, split from and written beside its
 * declarations. Then, for every file the run changes:
 * - where the input passes `prettier --check` (first: most of them do, or the sample proves nothing), the
 *   output passes too;
 * - where it does not, the diff touches only the statements the rewrite changed;
 * - no comment is lost.
 * The run prints the figures README quotes: files changed, and how many passed the check before and after.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { parseSource } from '../../src/languages/javascript/parse';
import { projectPrettier } from '../../src/languages/javascript/prettier';
import { installPrettier, linesTouchedBeyond, neededLines, passesCheck } from '../helpers/formatter-check';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');
const AJV = path.join(NODE_MODULES, 'ajv');
const LEGACY = ['lib/compile/codegen', 'lib/compile/util', 'lib/compile/errors', 'lib/vocabularies/code'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : /\.ts$/.test(e.name) ? [full] : [];
  }).sort();
}

/** The value and type names a module exports by name (not its default), read with the TypeScript compiler. */
function exportedNames(file: string): string[] {
  const program = ts.createProgram([file], { noResolve: false, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(symbol).map((s) => s.name).filter((name) => name !== 'default');
}

/** A copy of ajv's lib as a project of its own, with `which` installed as its prettier, and the barrel and registry. */
function ajvProject(which: 'prettier' | 'prettier2'): string {
  const root = makeTempDir(`ssot-ajv-${which}-`);
  fs.cpSync(path.join(AJV, 'lib'), path.join(root, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(AJV, 'package.json'), path.join(root, 'package.json'));
  fs.mkdirSync(path.join(root, 'node_modules', '@ajv-validator'), { recursive: true });
  installPrettier(root, path.join(NODE_MODULES, which));
  fs.symlinkSync(path.join(NODE_MODULES, '@ajv-validator', 'config'), path.join(root, 'node_modules', '@ajv-validator', 'config'), 'dir');
  const taken = new Set<string>();
  const barrel: string[] = [];
  const symbols: unknown[] = [];
  for (const legacy of LEGACY) {
    const file = fs.existsSync(path.join(root, `${legacy}.ts`)) ? path.join(root, `${legacy}.ts`) : path.join(root, legacy, 'index.ts');
    const names = exportedNames(file).filter((name) => !taken.has(name));
    names.forEach((name) => taken.add(name));
    barrel.push(`export {${names.join(', ')}} from "./${path.relative(path.join(root, 'lib'), path.join(root, legacy))}"`);
    for (const name of names) symbols.push({ name, from: 'lib/canonical', legacy: [{ name, from: legacy }] });
  }
  fs.writeFileSync(path.join(root, 'lib', 'canonical.ts'), `${barrel.join('\n')}\n`);
  fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ include: ['lib/**/*.ts'], symbols }, null, 2));
  return root;
}

/** Every comment of a file, as written: none may be lost. */
function comments(text: string, file: string): string[] {
  return (parseSource(text, file).comments ?? []).map((c) => c.value.trim()).sort();
}

interface Sample {
  files: number;
  changed: number;
  passedBefore: number;
  passedAfter: number;
  failures: string[];
}

function consolidate(which: 'prettier' | 'prettier2'): Sample {
  const root = ajvProject(which);
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const files = tsFiles(path.join(root, 'lib')).filter((f) => !f.endsWith('canonical.ts'));
  const sample: Sample = { files: files.length, changed: 0, passedBefore: 0, passedAfter: 0, failures: [] };
  for (const file of files) {
    const input = fs.readFileSync(file, 'utf8');
    const result = transformFile({ path: file, source: input, registry, transforms: selectTransforms() });
    const rel = path.relative(root, file);
    if (result.status === 'failed') sample.failures.push(`${rel}: ${result.findings.map((f) => f.message).join('; ')}`);
    if (result.status !== 'changed') continue;
    const output = result.output!;
    sample.changed++;
    // The prettier the engine itself finds there: the project's own.
    const entry = projectPrettier(file, root)!;
    const before = passesCheck(entry, file, input);
    const after = passesCheck(entry, file, output);
    if (before) sample.passedBefore++;
    if (after) sample.passedAfter++;
    if (before && !after) sample.failures.push(`${rel}: passed prettier --check before the rewrite, fails it after`);
    if (!before) {
      const beyond = linesTouchedBeyond(input, output, neededLines(input, file, result.edits ?? []));
      if (beyond.length > 0) sample.failures.push(`${rel}: lines ${beyond.join(', ')} touched beyond the statements rewritten`);
    }
    if (comments(output, file).join('\n') !== comments(input, file).join('\n')) sample.failures.push(`${rel}: a comment was lost`);
  }
  return sample;
}

describe.each(['prettier', 'prettier2'] as const)('ajv\'s lib, consolidated onto a barrel, with %s installed', (which) => {
  it('changes many files, and every one that passed prettier --check still does', () => {
    const sample = consolidate(which);
    // The figures README's "How the output is formatted" quotes, per prettier.
    console.log(`formatter real world (${which}): ${sample.changed} of ${sample.files} files changed; ` +
      `prettier --check passed by ${sample.passedBefore} before, ${sample.passedAfter} after`);
    expect(sample.failures).toEqual([]);
    expect(sample.changed).toBeGreaterThanOrEqual(40);
    // The sample is formatted with prettier: most changed files passed its check before.
    expect(sample.passedBefore).toBeGreaterThanOrEqual(sample.changed - 5);
    expect(sample.passedAfter).toBeGreaterThanOrEqual(sample.passedBefore);
  }, 120_000);
});
