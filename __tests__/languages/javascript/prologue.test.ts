/**
 * A rewrite reads a file's import prologue alone when nothing after it can matter (issue 15): the scan that
 * finds where the prologue ends, the test of the rest, and — what makes it safe — the same result as the
 * whole file's parse over the fixtures, the examples, TypeORM's sources, a generated tree, and rests that
 * reach a module in every way the module-string scanner knows, each hidden behind comments or escapes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT, fixtureCases, fixtureRegistry } from '../../helpers/fixtures';
import { transformFile, type RunMode, type TransformFileOptions } from '../../../src/engine/pipeline';
import { selectTransforms, TRANSFORM_ORDER } from '../../../src/transforms';
import { loadRegistry } from '../../../src/registry/load';
import { javascript } from '../../../src/languages/javascript';
import { parseHead, prologueEnd, restNeedsWholeFile } from '../../../src/languages/javascript/prologue';
import type { Registry } from '../../../src/registry/types';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-repo';
import { candidatesOf } from '../../helpers/candidates';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildRealTree } = require('../../../bench/real-tree') as { buildRealTree: (dir: string) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateTree } = require('../../../bench/generate') as {
  generateTree: (dir: string, options: { files: number; legacyShare: number }) => unknown;
};

afterAll(removeTempDirs);

const SELECTIONS = [TRANSFORM_ORDER, ...TRANSFORM_ORDER.map((name) => [name])];

function rewrite(registry: Registry, file: string, source: string, names: readonly string[], wholeFiles: boolean, mode: RunMode = 'rewrite'): unknown {
  const options: TransformFileOptions = { path: file, source, registry, transforms: selectTransforms([...names]), wholeFiles, mode };
  const { status, output, findings, changedBy, sites, edits, canonicalSites, usage } = transformFile(options);
  return { status, output, findings, changedBy, sites, edits, canonicalSites, usage };
}

/**
 * The file's rewrite, and check's measure of it (what it reaches, in which forms, its sites and findings),
 * are the same read from its prologue first as read whole.
 */
function expectSameAsWhole(registry: Registry, file: string, source: string, selections = SELECTIONS): void {
  for (const mode of ['rewrite', 'measure'] as const) {
    for (const names of selections) {
      expect([file, mode, names, rewrite(registry, file, source, names, false, mode)])
        .toEqual([file, mode, names, rewrite(registry, file, source, names, true, mode)]);
    }
  }
}

function sourceFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

/** Of these files, how many a rewrite may read from the prologue alone. */
function headCount(files: { file: string; source: string }[]): number {
  return files.filter(({ file, source }) => javascript.parseHead!(file, source) !== null).length;
}

describe('where the import prologue ends', () => {
  const at = (text: string, marker: string): number => text.indexOf(marker);

  it('after the leading imports and re-exports, with the directives, comments and blank lines before the first other statement', () => {
    const text = "'use client';\n// header\nimport a, { b as c, \"d-e\" as f } from './a';\nimport type { T } from './t'\nimport './side-effect';\nexport * as ns from './ns';\nexport type { U } from './u';\nexport {\n  v, // why\n} from './v';\n\n/** doc */\nexport const x = 1;\n";
    expect(prologueEnd(text)).toBe(at(text, 'export const'));
    expect(prologueEnd(`\ufeff#!/usr/bin/env node\nimport a from 'a';\nrun(a);\n`)).toBe(`\ufeff#!/usr/bin/env node\nimport a from 'a';\n`.length);
  });

  it('at the end of a file that is all imports, and nowhere in a file that starts otherwise', () => {
    expect(prologueEnd("import a from 'a';\nexport { b } from 'b';\n")).toBe("import a from 'a';\nexport { b } from 'b';\n".length);
    for (const text of ['const a = 1;\n', "'use strict';\nrun();\n", "import('./a');\n", 'import.meta.url;\n', "export { a };\nimport b from 'b';\n", '']) {
      expect([text, prologueEnd(text)]).toEqual([text, null]);
    }
  });

  it('before a local export list, an import-equals and an expression that follows the imports', () => {
    for (const rest of ['export { a };\n', "import x = require('x');\n", "import('./lazy');\n", 'export default a;\n']) {
      const text = `import a from 'a';\n${rest}`;
      expect([rest, prologueEnd(text)]).toEqual([rest, "import a from 'a';\n".length]);
    }
  });

  it('after the `;` the parser gives the last import, past line breaks and comments', () => {
    for (const gap of ['\n', ' /* c */', '\u00a0', '\n// c\n']) {
      const text = `import { a } from './a'${gap};\nrun();\n`;
      expect([gap, prologueEnd(text)]).toEqual([gap, text.indexOf('run')]);
      expect([gap, parseHead(text, 'a.ts')?.ast.program.body[0].end]).toEqual([gap, text.indexOf(';') + 1]);
    }
  });

  it('past a hashbang ended by any line terminator', () => {
    for (const eol of ['\n', '\r\n', '\r', '\u2028']) {
      const text = `#!/usr/bin/env node${eol}import a from 'a';\nrun(a);\n`;
      expect([eol, prologueEnd(text)]).toEqual([eol, text.indexOf('run')]);
    }
  });

  it('nowhere when an import has attributes, which the next line could carry', () => {
    expect(prologueEnd("import data from './data.json'\nwith { type: 'json' };\n")).toBeNull();
    expect(prologueEnd("import data from './data.json' assert { type: 'json' };\n")).toBeNull();
  });
});

describe('the rest of the file', () => {
  it('needs the whole file when it holds a module reference, whatever comments or escapes hide it', () => {
    const rests = [
      "const { A } = require('./a');", "const a = require /* lazy */ ('./a');", 'require.resolve("./a");', "\\u0072equire('./a');",
      "jest.mock('./a');", "jest /* c */ .mock('./a');", "vi.mock('./a');", "r\\u0065quire('./a');",
      "const m = import('./a');", "const m = import /* c */ ('./a');", "type T = typeof import('./a').A;",
      "run();\nimport { B } from './b';", "run(); import { B } from './b';", "/* c */ import './b';",
      "export { A } from './a';", "export /* c */ * from './a';", "export type { A } from './a';", "export {\n  A,\n}\nfrom './a';",
      "declare module './a' {}", "declare module /* c */ './a' {}", "export { caf\u00e9 } from './a';",
      // found by a review: parentheses around the word, long braced escapes, comments ended by CR or U+2028
      "(require)('./a');", "(require).resolve('./a');", "(jest).mock('./a');", "(vi).mock('./a');",
      "\\u{0000072}equire('./a');", "declare modul\\u{0000065} './a' {}", "export * // c\u2028from './a';", "export { y } // c\rfrom './a';",
    ];
    for (const rest of rests) expect([rest, restNeedsWholeFile(rest)]).toEqual([rest, true]);
  });

  it('does not when it only says the words, in comments and strings as TypeORM\'s sources do', () => {
    const rests = [
      '/** try to load it via "require".\n */', '// some pieces of data require a scan', 'const alias = "module";',
      's.replaceAll("\\u0000", "");', 'const list = Array.from(set);', '// suffix from "geometry_columns"',
      'export class A { from = 1 }', 'export const importance = 1;', 'export { a, b };',
    ];
    for (const rest of rests) expect([rest, restNeedsWholeFile(rest)]).toEqual([rest, false]);
  });
});

describe('a rewrite read from the prologue first', () => {
  const registry = fixtureRegistry();
  const file = path.join(PROJECT, 'src', 'app', 'prologue.ts');
  const head = "import { EngineContext } from '../agents/execution_engine_consolidated';\n\nexport function f(c: EngineContext) {\n  return c;\n}\n";

  it('is read from the prologue alone when the rest names no module', () => {
    expect(javascript.parseHead!(file, head)).not.toBeNull();
    const result = transformFile({ path: file, source: head, registry, transforms: selectTransforms() });
    expect(result.output).toBe(head.replace('execution_engine_consolidated', 'supervisor/user_execution_engine'));
  });

  it('gives the whole file\'s rewrite when the rest reaches the legacy module in any way', () => {
    const legacy = '../agents/execution_engine_consolidated';
    const rests = [
      `const { EngineContext: C2 } = require('${legacy}');`, `const m = require /* lazy */ ('${legacy}');`,
      `jest.mock('${legacy}');`, `jest /* c */ .mock('${legacy}');`, `const m = import('${legacy}');`, `const m = import /* c */ ('${legacy}');`,
      `type T = typeof import('${legacy}').EngineContext;`, `run();\nimport { EngineContext as E3 } from '${legacy}';`,
      `run(); import { EngineContext as E3 } from '${legacy}';`, `export { EngineContext as Ctx } from '${legacy}';`,
      `export /* c */ * from '${legacy}';`, `export type { EngineContext as C4 } from '${legacy}';`, `declare module /* c */ '${legacy}' {}`,
      `const { EngineContext: E5 } = (require)('${legacy}');`, `(require).resolve('${legacy}');`, `(jest).mock('${legacy}');`,
      `declare modul\\u{0000065} '${legacy}' {}`, `export const x = 1;\nexport * // c\u2028from '${legacy}';`, `export { y } // c\rfrom '${legacy}';`,
    ];
    const alone = rewrite(registry, file, head, TRANSFORM_ORDER, true) as { output: string; findings: unknown[] };
    for (const rest of rests) {
      const source = `${head}${rest}\n`;
      expect([rest, javascript.parseHead!(file, source)]).toEqual([rest, null]);
      expectSameAsWhole(registry, file, source);
      // The rest's reference is rewritten or reported: what the prologue's rewrite with the rest pasted on would miss.
      const whole = rewrite(registry, file, source, TRANSFORM_ORDER, true) as { output?: string; findings: unknown[] };
      const pasted = { output: `${alone.output}${rest}\n`, findings: alone.findings.length };
      expect([rest, { output: whole.output, findings: whole.findings.length }]).not.toEqual([rest, pasted]);
    }
  });

  it('gives the whole file\'s rewrite when the last import\'s `;` follows a line break, a comment or a non-breaking space', () => {
    for (const gap of ['\n', ' /* c */', '\u00a0']) {
      const source = `import { EngineContext, Unmapped } from '../agents/execution_engine_consolidated'${gap};\nrun();\n`;
      expect([gap, javascript.parseHead!(file, source)]).not.toEqual([gap, null]);
      expectSameAsWhole(registry, file, source);
    }
  });

  /** What the pipeline's reads of the prologue returned while `source` was rewritten (null: the whole file at once). */
  function headsRead(source: string, status?: string): unknown[] {
    const read = jest.spyOn(javascript, 'parseHead');
    try {
      const result = rewrite(registry, file, source, TRANSFORM_ORDER, false) as { status: string };
      if (status) expect([source, result.status]).toEqual([source, status]);
      return read.mock.results.map((r) => (r.value === null ? null : 'head'));
    } finally {
      read.mockRestore();
    }
  }

  it('parses the whole file at once when the prologue shows a transform will ask for its scopes (a new, a rename, an alias)', () => {
    const sources = [
      // a class with a construct rule, named after the prologue, under an alias, or not named there at all
      "import { ExecutionEngine } from '../agents/execution_engine_consolidated';\n\nexport const e = new ExecutionEngine(ctx);\n",
      "import { ExecutionEngine as Legacy } from '../agents/execution_engine_consolidated';\n\nexport const e = new Legacy(ctx);\n",
      "import { ExecutionEngine } from '../agents/execution_engine_consolidated';\n\nexport const n = 1;\n",
      // a name the canonical module gives another name, used after the prologue or not
      "import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';\n\nexport const e: IsolatedExecutionEngine = make();\n",
      "import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';\n\nexport const n = 1;\n",
      // a canonical name under an alias
      "import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';\n\nexport const e: Engine = make();\n",
    ];
    for (const source of sources) {
      expect([source, headsRead(source, 'changed')]).toEqual([source, [null]]);
      expectSameAsWhole(registry, file, source);
    }
  });

  it('reads the prologue alone when an alias names nothing of the registry\'s', () => {
    const source = `import { EngineContext } from '../agents/execution_engine_consolidated';\nimport { Thing as Other } from './thing';\n\nexport const o = Other;\n`;
    expect(headsRead(source, 'changed')).toEqual(['head']);
    expectSameAsWhole(registry, file, source);
  });

  it('starts again from the whole file when a transform asks for its scopes unforetold (a legacy module imported whole)', () => {
    const source = "import * as legacy from '../agents/execution_engine_consolidated';\n\nexport const m = legacy;\n";
    const read = jest.spyOn(javascript, 'parse');
    try {
      expect(headsRead(source)).toEqual(['head']);
      // … then the whole file, once
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
    expectSameAsWhole(registry, file, source);
  });

  it('rewrites, and check measures, the imports of a file whose rest does not parse (the whole file did not parse before either)', () => {
    const source = `${head}export const broken = ;\n`;
    const first = transformFile({ path: file, source, registry, transforms: selectTransforms() });
    expect(first.status).toBe('changed');
    expect(first.output).toBe(source.replace('execution_engine_consolidated', 'supervisor/user_execution_engine'));
    const whole = transformFile({ path: file, source, registry, transforms: selectTransforms(), wholeFiles: true });
    expect(whole.findings.map((f) => f.kind)).toEqual(['parse-error']);
    // check reads the file as apply does: the legacy import it still has, and no error in a rest that holds nothing it counts.
    const measured = transformFile({ path: file, source, registry, transforms: selectTransforms(), mode: 'measure' });
    expect([measured.status, measured.findings.map((f) => f.kind), measured.usage?.legacyModules.map((m) => path.basename(m))])
      .toEqual(['changed', [], ['execution_engine_consolidated.ts']]);
    const measuredWhole = transformFile({ path: file, source, registry, transforms: selectTransforms(), mode: 'measure', wholeFiles: true });
    expect(measuredWhole.findings.map((f) => f.kind)).toEqual(['parse-error']);
  });

  it('is measured whole, and its error reported, when its rest plainly does not parse (a merge conflict\'s markers)', () => {
    const source = `${head}<<<<<<< HEAD\nexport const a = 1;\n=======\nexport const a = 2;\n>>>>>>> theirs\n`;
    const measured = transformFile({ path: file, source, registry, transforms: selectTransforms(), mode: 'measure' });
    expect([measured.status, measured.findings.map((f) => f.kind)]).toEqual(['failed', ['parse-error']]);
  });

  it('is left to the whole file when the prologue itself does not parse', () => {
    expect(parseHead("import { a from './a';\nrun();\n", file)).toBeNull();
  });
});

describe('the same rewrite as the whole file\'s', () => {
  it('over the fixture cases (inputs and expected outputs), for all transforms together and each alone', () => {
    const registry = fixtureRegistry();
    const files: { file: string; source: string }[] = [];
    for (const folder of ['consolidated-paths', 'aliased-imports', 'direct-instantiation']) {
      for (const c of fixtureCases(folder)) {
        const file = path.join(PROJECT, 'src', 'app', c.fileName);
        files.push({ file, source: c.input }, { file, source: c.output });
      }
    }
    for (const { file, source } of files) expectSameAsWhole(registry, file, source);
    expect(files.length).toBeGreaterThan(200);
    expect(headCount(files)).toBeGreaterThan(50);
  });

  it('over the example codebase and the fixture project', () => {
    for (const root of [path.join(__dirname, '..', '..', '..', 'examples', 'netra-engine'), PROJECT]) {
      const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
      for (const file of sourceFiles(path.join(root, 'src'))) expectSameAsWhole(registry, file, fs.readFileSync(file, 'utf8'));
    }
  });

  it('over the real TypeORM sources, where the prologue alone suffices for most files that change', () => {
    const root = makeTempDir();
    buildRealTree(root);
    const { registry, files: passed } = candidatesOf(root);
    for (const { file, source } of passed) expectSameAsWhole(registry, file, source, [TRANSFORM_ORDER]);
    // Measured at typeorm 1.1.3: 151 files name src/error; 53 change; 59 of the 60 a rewrite parses need only their prologue.
    expect(passed.length).toBeGreaterThan(120);
    expect(headCount(passed)).toBeGreaterThan(100);
  });

  it('over a generated tree, where half the files construct or rename and are parsed whole', () => {
    const root = makeTempDir();
    generateTree(root, { files: 2_000, legacyShare: 0.05 });
    const { registry, files: passed } = candidatesOf(root);
    for (const { file, source } of passed) expectSameAsWhole(registry, file, source, [TRANSFORM_ORDER]);
    expect(passed.length).toBeGreaterThan(100);
    expect(headCount(passed)).toBeGreaterThan(passed.length / 3);
  });
});
