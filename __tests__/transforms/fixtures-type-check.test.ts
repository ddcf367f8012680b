/**
 * "Never code that no longer compiles", checked by the compiler: every TypeScript fixture's expected output
 * (`.ts`, `.tsx`, `.mts`, `.cts`, `.d.ts`), placed where the harness runs it (`src/app/` of the fixture
 * project), type-checks with the project through the TypeScript compiler API — no diagnostic at all.
 *
 * The project supplies what a real one would: a JSX namespace and the `vitest` module's `vi` (declared in
 * ENVIRONMENT below), and the JSON file one fixture imports. A fixture that needs other compiler settings
 * (TC39 decorators, import attributes) is checked under them. The few that cannot type-check by design are
 * listed in BY_DESIGN with the reason; for those, the output must have exactly the diagnostics its input
 * has: the rewrite adds none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { fixtureCases, PROJECT } from '../helpers/fixtures';
import { typeCheck } from '../helpers/type-check';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const FOLDERS = ['consolidated-paths', 'aliased-imports', 'direct-instantiation'];
const TYPESCRIPT = /\.(d\.)?[cm]?tsx?$/;
const TYPE_ROOTS = path.join(__dirname, '..', '..', 'node_modules', '@types');

/** What the fixture project's environment declares for the fixtures: JSX, and vitest's `vi`. */
const ENVIRONMENT: Record<string, string> = {
  'src/app/fixture-environment.d.ts': `declare global {
  namespace JSX {
    type Element = unknown;
    interface ElementChildrenAttribute { children: unknown }
    interface IntrinsicAttributes { key?: string | number }
    interface IntrinsicElements { [name: string]: Record<string, unknown> }
  }
}

export {};
`,
  // A script, not a module: its `declare module` declares the package rather than augmenting one.
  'src/app/fixture-vitest.d.ts': `declare module 'vitest' {
  export const vi: {
    mock<M>(module: string | Promise<M>, factory?: (importOriginal: () => Promise<M>) => unknown): void;
    fn(): (...args: unknown[]) => unknown;
  };
}
`,
  'src/app/engine-defaults.json': '{ "userId": "defaults" }\n',
};

/** Compiler settings a fixture needs beyond the project's (which has legacy decorators and CommonJS). */
const SETTINGS: Record<string, ts.CompilerOptions> = {
  'consolidated-paths/tc39-decorators-after-export-accessor-satisfies-using': { experimentalDecorators: false, target: ts.ScriptTarget.ESNext },
  'consolidated-paths/import-attributes-on-untouched-declaration-survive': {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true,
  },
};

/** The fixtures whose output cannot type-check, by design, and why. */
const BY_DESIGN: Record<string, string> = {
  'aliased-imports/no-change-type-only-alias-used-as-value-reported':
    'its input is already invalid (a type-only import used as a value): the case proves nothing is renamed then',
  'consolidated-paths/default-as-specifier-of-unresolved-module-kept':
    'it imports a package that is not installed: the case proves such an import is left as written',
  'consolidated-paths/nul-byte-in-specifier-names-no-file': 'its specifiers hold NUL bytes, which name no file: the case proves they are left alone',
  'consolidated-paths/untouched-specifiers-keep-their-text':
    "it imports modules the project does not have (./helpers, ./sockets, ./strings): the case proves untouched specifiers keep their text, whatever they name",
  'consolidated-paths/import-assert-syntax-survives-split':
    "it uses the older `assert { type: 'json' }` syntax, which TypeScript 5.9 no longer accepts: the case proves a rewrite keeps it as written",
};

interface Case {
  id: string;
  file: string;
  input: string;
  output: string;
}

function typeScriptCases(): Case[] {
  return FOLDERS.flatMap((folder) => fixtureCases(folder)
    .filter((c) => TYPESCRIPT.test(c.fileName))
    // Each under its own name: two folders may hold cases of the same name.
    .map((c) => ({ id: `${folder}/${c.name}`, file: `src/app/${folder}--${c.fileName}`, input: c.input, output: c.output })));
}

/**
 * The fixture project with every case's output (and, for those BY_DESIGN, its input) written where the
 * harness runs it; each group of cases type-checked with the project under its settings, in one program.
 */
class TypeChecker {
  private readonly root = makeTempDir('ssot-fixture-types-');
  private readonly parsed: ts.ParsedCommandLine;
  private previous: ts.Program | undefined;

  constructor(files: Record<string, string>) {
    fs.cpSync(PROJECT, this.root, { recursive: true });
    writeFiles(this.root, { ...ENVIRONMENT, ...files });
    const config = ts.readConfigFile(path.join(this.root, 'tsconfig.json'), ts.sys.readFile);
    this.parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, this.root);
  }

  /** Diagnostics per file (relative path) of the project's own files and `files`, under `options`. */
  check(files: string[], options: ts.CompilerOptions): Map<string, string[]> {
    const own = this.parsed.fileNames.filter((f) => !path.relative(this.root, f).includes('--'));
    const program = ts.createProgram(
      [...own, ...files.map((f) => path.join(this.root, f))], { ...this.parsed.options, typeRoots: [TYPE_ROOTS], ...options }, undefined, this.previous,
    );
    this.previous = program;
    const byFile = new Map<string, string[]>();
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file ? path.relative(this.root, d.file.fileName) : '';
      byFile.set(file, [...(byFile.get(file) ?? []), ts.flattenDiagnosticMessageText(d.messageText, ' ')]);
    }
    return byFile;
  }
}

describe('every TypeScript fixture output type-checks', () => {
  const cases = typeScriptCases();
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const key = c.id in SETTINGS ? c.id : '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const outputs = new Map<string, string[]>();
  const inputs = new Map<string, string[]>();
  beforeAll(() => {
    const inputOf = (c: Case): string => c.file.replace('src/app/', 'src/app/input--');
    const checker = new TypeChecker(Object.fromEntries(cases.flatMap((c) => [[c.file, c.output], ...(c.id in BY_DESIGN ? [[inputOf(c), c.input]] : [])])));
    for (const [key, group] of groups) {
      const byDesign = group.filter((c) => c.id in BY_DESIGN).map(inputOf);
      const found = checker.check([...group.map((c) => c.file), ...byDesign], SETTINGS[key] ?? {});
      for (const c of group) {
        outputs.set(c.id, found.get(c.file) ?? []);
        inputs.set(c.id, found.get(inputOf(c)) ?? []);
      }
      // Nothing but the fixtures may be wrong: the project and its environment type-check.
      expect([...found.keys()].filter((file) => !file.includes('--'))).toEqual([]);
    }
  }, 60_000);

  it('covers the TypeScript fixtures of every transform, and lists only real ones as by design', () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const id of [...Object.keys(BY_DESIGN), ...Object.keys(SETTINGS)]) expect(cases.map((c) => c.id)).toContain(id);
  });

  it('the fixture project itself type-checks', () => {
    expect(typeCheck(PROJECT)).toEqual([]);
  });

  it('each output has no diagnostic, or (by design) exactly those of its input', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const found = outputs.get(c.id)!;
      if (c.id in BY_DESIGN) {
        if (found.length === 0) wrong.push(`${c.id}: listed as unable to type-check, but it does (${BY_DESIGN[c.id]})`);
        else if (JSON.stringify([...found].sort()) !== JSON.stringify([...inputs.get(c.id)!].sort())) {
          wrong.push(`${c.id}: the rewrite changed its diagnostics: ${found.join(' | ')} (input: ${inputs.get(c.id)!.join(' | ')})`);
        }
      } else if (found.length > 0) {
        wrong.push(`${c.id}: ${found.join(' | ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
