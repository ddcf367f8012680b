/**
 * Real-world sources.
 *
 * 1. Every JS/TS file that three installed packages ship (rxjs: its TypeScript `src/` and its `dist/`
 *    builds; typescript: `lib/`, the 9 MB compiler included; ajv: its TypeScript `lib/` and its `dist/`)
 *    goes through the whole engine — parsed, walked by all three transforms, its imports rendered —
 *    with a registry that matches none of it. Every file must parse and come out byte for byte as it
 *    went in. `prefilter: false`, so no file is waved through unparsed.
 * 2. A small consumer of rxjs (`__testfixtures__/rxjs-consumer/`) is migrated the way rxjs 7.2
 *    asks: operators from `rxjs/operators` and deep `rxjs/internal/…` paths move to the root `rxjs`
 *    export, and the deprecated operator forms of `concat` and `merge` become `concatWith` and
 *    `mergeWith`. The registry names real modules of the installed rxjs (bare specifiers); the result
 *    is compared with hand-written expected files and type-checked against rxjs's own typings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { typeCheck } from '../helpers/type-check';
import { loadRegistry, RegistryError } from '../../src/registry/load';
import type { Registry } from '../../src/registry/types';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { discoverFiles } from '../../src/runner/discover';
import { positionAt } from '../../src/shared/text-position';
import type { FileResult } from '../../src/engine/results';
import { fixtureRegistry, FIXTURES } from '../helpers/fixtures';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');
const SOURCE_FILE = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

afterAll(removeTempDirs);

/** Every JS/TS file (`.d.ts` and the like included) under a folder, links not followed. */
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(full);
  }
  return files.sort();
}

// ---------------------------------------------------------------------------------------------------------
// 1. Parse and print, nothing to rewrite.

interface PackageSweep {
  name: string;
  /** Lower bounds on the files found under each folder, so a changed layout cannot make the sweep vacuous. */
  atLeast: Record<string, number>;
  /** Files that must be among those swept. */
  mustInclude: string[];
}

// Counts at rxjs 7.8.2, typescript 5.9.3, ajv 8.20.0: rxjs src 252 / dist 1003, typescript lib 111
// (9 .js, 102 .d.ts), ajv lib 106 / dist 212.
const PACKAGES: PackageSweep[] = [
  {
    name: 'rxjs',
    atLeast: { src: 240, dist: 950 },
    mustInclude: ['src/index.ts', 'src/internal/Observable.ts', 'dist/cjs/index.js', 'dist/esm5/index.js', 'dist/types/index.d.ts'],
  },
  {
    name: 'typescript',
    atLeast: { lib: 100 },
    mustInclude: ['lib/typescript.js', 'lib/_tsc.js', 'lib/typescript.d.ts', 'lib/lib.dom.d.ts'],
  },
  {
    name: 'ajv',
    atLeast: { lib: 100, dist: 200 },
    mustInclude: ['lib/ajv.ts', 'lib/compile/index.ts', 'dist/ajv.js', 'dist/ajv.d.ts'],
  },
];

/** What is wrong with one file's trip through the engine, as `path:line:column reason` lines; none when it is right. */
function problemsOf(file: string, bytes: Buffer, result: FileResult): string[] {
  const where = (line: number, column: number): string => `${path.relative(NODE_MODULES, file)}:${line}:${column}`;
  const problems = result.findings.map((f) => `${where(f.line, f.column)} ${f.kind}: ${f.message}`);
  if (result.status !== 'unchanged') problems.push(`${where(1, 1)} status ${result.status}, expected unchanged`);
  // The output (the input itself when unchanged) as bytes: this also catches text that does not survive decoding.
  const source = bytes.toString('utf8');
  const output = result.output ?? source;
  if (!Buffer.from(output, 'utf8').equals(bytes)) {
    let at = 0;
    while (at < source.length && source[at] === output[at]) at++;
    const { line, column } = positionAt(source, at);
    problems.push(`${where(line, column)} output is not byte for byte the input (first difference here)`);
  }
  return problems;
}

describe('real-world sources: parse and print with nothing to rewrite', () => {
  const transforms = selectTransforms();
  let registry: Registry;
  beforeAll(() => {
    // The fixture project's registry: none of its modules is in these packages.
    registry = fixtureRegistry();
  });

  for (const pkg of PACKAGES) {
    it(`every JS/TS file of ${pkg.name} parses and comes out byte for byte as it went in`, () => {
      const root = path.join(NODE_MODULES, pkg.name);
      const files = sourceFiles(root);
      const relative = files.map((f) => path.relative(root, f));
      const tooFew = Object.entries(pkg.atLeast)
        .map(([folder, min]) => ({ folder, min, count: relative.filter((f) => f.startsWith(`${folder}/`)).length }))
        .filter(({ min, count }) => count < min)
        .map(({ folder, min, count }) => `${pkg.name}/${folder}: ${count} files, expected at least ${min}`);
      expect(tooFew).toEqual([]);
      expect(relative).toEqual(expect.arrayContaining(pkg.mustInclude));

      const problems: string[] = [];
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        const result = transformFile({
          path: file, source: bytes.toString('utf8'), registry, transforms, prefilter: false, mode: 'measure',
        });
        problems.push(...problemsOf(file, bytes, result));
      }
      expect(problems).toEqual([]);
    }, 90_000);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 2. A registry over real rxjs modules.

const CONSUMER = path.join(FIXTURES, 'rxjs-consumer');

/** A copy of the consumer project in a fresh folder, with the installed rxjs linked in as its dependency. */
function consumerCopy(): string {
  const root = makeTempDir('ssot-rxjs-');
  fs.cpSync(path.join(CONSUMER, 'project'), root, { recursive: true });
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(path.join(NODE_MODULES, 'rxjs'), path.join(root, 'node_modules', 'rxjs'), 'dir');
  return root;
}

/** `tsc --noEmit -p root` through the compiler API, as `file:line message` lines. */
/** The engine over the files the registry includes, writing what changes; the results, by relative path. */
function migrate(root: string): Map<string, FileResult> {
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const results = new Map<string, FileResult>();
  for (const file of discoverFiles(registry).files) {
    const result = transformFile({ path: file, source: fs.readFileSync(file, 'utf8'), registry, transforms: selectTransforms() });
    if (result.status === 'changed') fs.writeFileSync(file, result.output!);
    results.set(path.relative(root, file), result);
  }
  return results;
}

function readTree(dir: string): Map<string, string> {
  return new Map(sourceFiles(dir).map((f) => [path.relative(dir, f), fs.readFileSync(f, 'utf8')]));
}

describe('real-world modules: a registry over the installed rxjs', () => {
  let root: string;
  beforeAll(() => {
    root = consumerCopy();
  });

  it('starts from a consumer that type-checks against rxjs', () => {
    expect(fs.readdirSync(path.join(root, 'src')).length).toBeGreaterThanOrEqual(8);
    expect(typeCheck(root)).toEqual([]);
  });

  it('moves the imports to the root rxjs export, as hand-written, and reports what it must leave', () => {
    const results = migrate(root);
    const expected = readTree(path.join(CONSUMER, 'expected', 'src'));
    const actual = readTree(path.join(root, 'src'));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect(`${file}:\n${actual.get(file)}`).toBe(`${file}:\n${text}`);

    const statuses = [...results].map(([file, r]) => `${file} ${r.status}`);
    expect(statuses).toEqual([
      'src/aliases.ts changed',
      'src/conflict.ts changed',
      'src/deep-imports.ts changed',
      'src/namespace.ts unchanged',
      'src/partly-mapped.ts changed',
      'src/reexports.ts changed',
      'src/replaced-operators.ts changed',
      'src/search.ts changed',
    ]);
    const findings = [...results.values()].flatMap((r) => r.findings).map((f) => `${path.relative(root, f.file)}:${f.line}:${f.column} ${f.kind}`);
    expect(findings).toEqual([
      'src/conflict.ts:2:10 conflict',
      'src/namespace.ts:1:28 legacy-path',
      'src/partly-mapped.ts:1:10 unmapped-name',
    ]);
  });

  it('leaves a consumer that still type-checks against rxjs', () => {
    expect(typeCheck(root)).toEqual([]);
  });

  it('changes nothing on a second run', () => {
    const again = [...migrate(root)].filter(([, r]) => r.status !== 'unchanged').map(([file, r]) => `${file} ${r.status}`);
    expect(again).toEqual([]);
  });

  it('would not compile had the registry moved rxjs/operators wholesale: concat and merge mean other things at the root', () => {
    const naive = consumerCopy();
    fs.writeFileSync(path.join(naive, 'ssot.config.json'), JSON.stringify({
      include: ['src/**/*.ts'],
      modules: [{ from: 'rxjs/operators', to: 'rxjs' }],
    }));
    migrate(naive);
    const rewritten = fs.readFileSync(path.join(naive, 'src', 'replaced-operators.ts'), 'utf8');
    expect(rewritten.split('\n')[0]).toBe("import { Observable, concat, merge } from 'rxjs';");
    expect(typeCheck(naive)).toEqual([
      expect.stringMatching(/^src\/replaced-operators\.ts:6 Argument of type 'Observable<T>' is not assignable to parameter of type 'OperatorFunction<T, T>'/),
      expect.stringMatching(/^src\/replaced-operators\.ts:10 Argument of type 'Observable<T>' is not assignable to parameter of type 'OperatorFunction<T, T>'/),
    ]);
  });

  it('checks the registry against rxjs\'s real exports: a name rxjs does not export is refused', () => {
    const copy = consumerCopy();
    const configPath = path.join(copy, 'ssot.config.json');
    fs.writeFileSync(configPath, JSON.stringify({ symbols: [{ name: 'mapTo2', from: 'rxjs', legacy: [{ name: 'mapTo', from: 'rxjs/operators' }] }] }));
    expect(() => loadRegistry({ configPath })).toThrow(RegistryError);
    expect(() => loadRegistry({ configPath })).toThrow(`${configPath}: $.symbols[0].name: "rxjs" does not export "mapTo2"`);
  });
});
