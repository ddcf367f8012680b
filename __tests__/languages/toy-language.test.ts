/**
 * The language seam's rehearsal: a second language, toy (__tests__/helpers/toy-language), registered by
 * its one line in LANGUAGES and nothing else, goes through the real registry loader, engine, transforms,
 * runner and report — beside JavaScript, in the same project and the same run. Every expected output is
 * derived by hand from the transforms' rules and toy's syntax (helpers/toy-language/parse.ts).
 */
import * as path from 'node:path';
import type { Language } from '../../src/languages/language';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

jest.mock('../../src/languages', () => {
  const actual = jest.requireActual('../../src/languages');
  const { toy } = jest.requireActual('../helpers/toy-language');
  const LANGUAGES: Language[] = [...actual.LANGUAGES, toy];
  return { ...actual, LANGUAGES };
});

import { LANGUAGES } from '../../src/languages';
import { loadRegistry, RegistryError } from '../../src/registry/load';
import type { Registry } from '../../src/registry/types';
import { transformFile } from '../../src/engine/pipeline';
import type { FileResult, Finding } from '../../src/engine/results';
import { selectTransforms, TRANSFORM_ORDER } from '../../src/transforms';
import { FileRunner } from '../../src/runner/file-runner';
import { discoverFiles } from '../../src/runner/discover';
import { buildCheckReport } from '../../src/report';

afterAll(removeTempDirs);

const REGISTRY = {
  toy: { ignore: ['gen/**'] },
  modules: [{ from: 'src/old/log', to: 'src/log' }],
  symbols: [
    {
      name: 'Engine',
      from: 'src/engine',
      legacy: [{ name: 'OldEngine', from: 'src/legacy/engine', construct: { factory: 'createEngine', from: 'src/engine', minArgs: 1 } }],
    },
    { name: 'Store', from: 'src/engine', legacy: [{ name: 'Store', from: 'src/legacy/engine' }] },
    { name: 'Widget', from: 'src/js/widgets', legacy: [{ name: 'Widget', from: 'src/js/legacy' }] },
  ],
};

/** The registry's modules: toy's, and two of JavaScript's. */
const MODULES = {
  'src/engine.toy': 'export Engine\nexport createEngine\nexport Store\n',
  // Helper is in no registry entry: the legacy module does not map as a whole.
  'src/legacy/engine.toy': 'export OldEngine\nexport Store\nexport Helper\n',
  'src/log.toy': 'export Log\n',
  'src/old/log.toy': 'export Log\n',
  'src/js/widgets.ts': 'export class Widget {}\n',
  'src/js/legacy.ts': 'export class Widget {}\n',
  // Never discovered: the registry's `toy.ignore` reaches discovery through the toy module system.
  'gen/built.toy': 'use Store from "../src/legacy/engine"\n',
};

/** What `check` measures: files whose numbers are known by construction (see the check test). */
const APP = {
  'src/app/alias.toy': 'use Engine as Motor from "../engine"\nref Motor\n',
  'src/app/canonical.toy': 'use Engine, Store from "../engine"\nref Engine\nref Store\n',
  'src/app/construct.toy': 'use OldEngine from "../legacy/engine"\nfn start\n  new OldEngine(config)\n',
  'src/app/mock.toy': 'mock "../old/log"\nuse Log from "../old/log"\nref Log\n',
  // Not toy at all: only a file the pre-filter skips unparsed can hold this.
  'src/app/plain.toy': 'this is not toy\n',
  'src/app/repoint.toy': 'use Store from "../legacy/engine"\nref Store\n',
  'src/app/view.ts': "import { Widget } from '../js/legacy';\n\nexport const widget = new Widget();\n",
};

const root = tempTree({ 'ssot.config.json': JSON.stringify(REGISTRY, null, 2), ...MODULES, ...APP });
const registry: Registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
const at = (relative: string): string => path.join(root, relative);

function run(relative: string, source: string, options: { prefilter?: boolean } = {}): FileResult {
  return transformFile({ path: at(relative), source, registry, transforms: selectTransforms(), ...options });
}

function finding(relative: string, line: number, column: number, kind: string, message: string): Finding {
  return { file: at(relative), line, column, kind, message };
}

describe('the toy language, registered by its line in LANGUAGES', () => {
  it('is served after JavaScript, and its module system answers for .toy files only', () => {
    expect(LANGUAGES.map((l) => l.id)).toEqual(['javascript', 'python', 'toy']);
    expect(registry.resolver.systemForFile(at('src/app/x.toy')).language.id).toBe('toy');
    expect(registry.resolver.systemForFile(at('src/app/x.ts')).language.id).toBe('javascript');
  });

  it('names its modules in the registry, which reads their exports through it', () => {
    const system = (name: string) => registry.resolver.systemOf(registry.resolver.resolveRegistryName(name)!).language.id;
    expect(system('src/engine')).toBe('toy');
    expect(system('src/old/log')).toBe('toy');
    expect(system('src/js/legacy')).toBe('javascript');
    expect(registry.resolver.resolveRegistryName('src/legacy/engine')).toEqual({ kind: 'file', path: at('src/legacy/engine.toy') });
    expect(registry.legacyModules).toEqual(new Set([at('src/old/log.toy'), at('src/legacy/engine.toy'), at('src/js/legacy.ts')]));
  });

  describe('registry errors about toy modules', () => {
    const load = (config: object, files: Record<string, string> = MODULES) => () =>
      loadRegistry({ configPath: path.join(tempTree({ 'ssot.config.json': JSON.stringify(config), ...files }), 'ssot.config.json') });

    it('a name the toy module does not export', () => {
      expect(load({ symbols: [{ name: 'Nope', from: 'src/engine' }] })).toThrow(RegistryError);
      expect(load({ symbols: [{ name: 'Nope', from: 'src/engine' }] })).toThrow('$.symbols[0].name: "src/engine" does not export "Nope"');
    });

    it('a toy module that does not parse, named as toy', () => {
      const files = { ...MODULES, 'src/bad.toy': 'export Engine\nwhat is this\n' };
      expect(load({ symbols: [{ name: 'Engine', from: 'src/bad' }] }, files)).toThrow(
        /: \$\.symbols\[0\]\.from: "src\/bad" cannot be parsed: \S*\/src\/bad\.toy:2:1: not a toy statement: "what is this" \(expected the canonical module to be valid Toy\)$/,
      );
    });

    it('a name both languages hold is refused, not given to one of them', () => {
      const files = { ...MODULES, 'src/twin.ts': 'export class Engine {}\n', 'src/twin.toy': 'export Engine\n' };
      expect(load({ symbols: [{ name: 'Engine', from: 'src/twin' }] }, files)).toThrow(
        /: \$\.symbols\[0\]\.from: "src\/twin" names a module in more than one language: \S*\/src\/twin\.ts \(JS\/TS\), \S*\/src\/twin\.toy \(Toy\) \(expected a name only one language reads, such as the file's path with its extension\)$/,
      );
      // With its extension, the name is JavaScript's alone.
      expect(load({ symbols: [{ name: 'Engine', from: 'src/twin.ts' }] }, files)).not.toThrow();
    });

    it('a toy file is never read as JavaScript, which takes any file that exists; a name none can use gets every reason', () => {
      expect(load({ symbols: [{ name: 'Engine', from: 'src/engine.toy' }] })).toThrow(
        '$.symbols[0].from: Toy: "src/engine.toy" names no .toy file (expected a toy module path relative to the registry\'s folder, without .toy)',
      );
      expect(load({ symbols: [{ name: 'Engine', from: 'src/nowhere' }] })).toThrow(
        '$.symbols[0].from: JS/TS: "src/nowhere" resolves to no file (expected a module path relative to the registry\'s folder, without extension, or a package name); Toy: "src/nowhere" names no .toy file',
      );
    });

    it('its own settings: validated by its schema, then by its module system', () => {
      expect(load({ toy: { ignore: [1] } })).toThrow('$.toy.ignore[0]: number 1 is not a string');
      expect(load({ toy: { ignore: ['../elsewhere/**'] } })).toThrow(
        '$.toy.ignore[0]: "../elsewhere/**" leaves the registry\'s folder (expected a glob inside it)',
      );
    });
  });
});

describe('toy files through the real engine', () => {
  it('repoints a legacy import in place', () => {
    const result = run('src/app/repoint.toy', APP['src/app/repoint.toy']);
    expect(result.output).toBe('use Store from "../engine"\nref Store\n');
    expect(result.changedBy).toEqual(['consolidated-paths']);
    expect(result.findings).toEqual([]);
    expect(result.sites).toEqual([
      finding('src/app/repoint.toy', 1, 5, 'legacy-path', 'Store from legacy "../legacy/engine" is Store from its canonical module'),
    ]);
  });

  it('splits a partly mapped import: the unmapped name stays, the mapped one goes to a new `use` line after it', () => {
    const result = run('src/app/split.toy', 'use Helper, Store from "../legacy/engine"\nref Helper\nref Store\n');
    expect(result.output).toBe('use Helper from "../legacy/engine"\nuse Store from "../engine"\nref Helper\nref Store\n');
    expect(result.findings).toEqual([
      finding('src/app/split.toy', 1, 5, 'unmapped-name', 'Helper is not in the registry: it stays on legacy module "../legacy/engine"'),
    ]);
  });

  it('gives an aliased canonical import its name back, and renames its references, values and types, in a body too', () => {
    const result = run('src/app/alias.toy', 'use Engine as Motor from "../engine"\nref Motor\nfn run\n  type Motor\n');
    expect(result.output).toBe('use Engine from "../engine"\nref Engine\nfn run\n  type Engine\n');
    expect(result.changedBy).toEqual(['aliased-imports']);
    expect(result.sites).toEqual([finding('src/app/alias.toy', 1, 5, 'aliased-import', 'Engine imported as Motor')]);
  });

  it('reports a conflict when the canonical name is taken, and leaves the alias', () => {
    const result = run('src/app/conflict.toy', 'use Engine as Motor from "../engine"\nfn Engine\nref Motor\n');
    expect(result.status).toBe('unchanged');
    expect(result.findings).toEqual([
      finding('src/app/conflict.toy', 1, 5, 'conflict', 'Engine is already a name in this file: Motor keeps its alias'),
    ]);
  });

  it('repoints a legacy class used only as a type, then gives it its canonical name', () => {
    const result = run('src/app/typed.toy', 'use OldEngine from "../legacy/engine"\ntype OldEngine\n');
    expect(result.output).toBe('use Engine from "../engine"\ntype Engine\n');
    expect(result.changedBy).toEqual(['consolidated-paths', 'aliased-imports']);
  });

  it('rewrites new Legacy(a) into factory(a), the factory\'s `use` taking the legacy one\'s place', () => {
    const result = run('src/app/construct.toy', APP['src/app/construct.toy']);
    expect(result.output).toBe('use createEngine from "../engine"\nfn start\n  createEngine(config)\n');
    expect(result.changedBy).toEqual(['direct-instantiation']);
    expect(result.findings).toEqual([]);
    expect(result.sites).toEqual([
      finding('src/app/construct.toy', 3, 3, 'direct-instantiation', 'new OldEngine() bypasses createEngine()'),
    ]);
  });

  it('merges the factory into an existing `use` of its module, and reports a construction at module scope', () => {
    const result = run('src/app/shared.toy', 'use Engine from "../engine"\nuse OldEngine from "../legacy/engine"\nnew OldEngine(config)\nref Engine\n');
    expect(result.output).toBe('use Engine, createEngine from "../engine"\ncreateEngine(config)\nref Engine\n');
    expect(result.findings).toEqual([
      finding('src/app/shared.toy', 3, 1, 'singleton', 'new OldEngine() at module scope creates one shared instance: give each caller its own'),
    ]);
  });

  it('reports a construction with too few arguments, and keeps the legacy import it needs', () => {
    const result = run('src/app/too-few.toy', 'use OldEngine from "../legacy/engine"\nfn start\n  new OldEngine()\n');
    expect(result.status).toBe('unchanged');
    expect(result.findings).toEqual([
      finding('src/app/too-few.toy', 3, 3, 'direct-instantiation', 'new OldEngine() with 0 argument(s); createEngine() needs at least 1: migrate by hand'),
      finding('src/app/too-few.toy', 1, 5, 'legacy-path', 'OldEngine is still constructed with new (line 3): its import from "../legacy/engine" stays until that is migrated'),
    ]);
  });

  it('repoints a `mock "…"` string and a `use` of a module moved as a whole', () => {
    const result = run('src/app/mock.toy', APP['src/app/mock.toy']);
    expect(result.output).toBe('mock "../log"\nuse Log from "../log"\nref Log\n');
    expect(result.sites).toEqual([
      finding('src/app/mock.toy', 2, 14, 'legacy-path', '"../old/log" moved to "../log": import from there'),
      finding('src/app/mock.toy', 1, 6, 'legacy-path', 'mock of legacy module "../old/log"'),
    ]);
  });

  it('keeps CRLF line endings in a line it adds', () => {
    const result = run('src/app/crlf.toy', 'use Helper, Store from "../legacy/engine"\r\nref Helper\r\nref Store\r\n');
    expect(result.output).toBe('use Helper from "../legacy/engine"\r\nuse Store from "../engine"\r\nref Helper\r\nref Store\r\n');
  });

  it('is idempotent: each output, run again, is unchanged', () => {
    const outputs = {
      'src/app/repoint.toy': 'use Store from "../engine"\nref Store\n',
      'src/app/split.toy': 'use Helper from "../legacy/engine"\nuse Store from "../engine"\nref Helper\nref Store\n',
      'src/app/alias.toy': 'use Engine from "../engine"\nref Engine\nfn run\n  type Engine\n',
      'src/app/typed.toy': 'use Engine from "../engine"\ntype Engine\n',
      'src/app/construct.toy': 'use createEngine from "../engine"\nfn start\n  createEngine(config)\n',
      'src/app/shared.toy': 'use Engine, createEngine from "../engine"\ncreateEngine(config)\nref Engine\n',
      'src/app/mock.toy': 'mock "../log"\nuse Log from "../log"\nref Log\n',
    };
    for (const [file, output] of Object.entries(outputs)) {
      const again = run(file, output);
      expect({ file, status: again.status, output: again.output }).toEqual({ file, status: 'unchanged', output: undefined });
    }
    // What stays is still reported, and still left as it is.
    expect(run('src/app/split.toy', outputs['src/app/split.toy']).findings.map((f) => f.kind)).toEqual(['unmapped-name']);
  });

  it('skips unparsed a toy file that names no registry module, and a registry module\'s own file', () => {
    expect(run('src/app/plain.toy', 'this is not toy\n')).toMatchObject({ status: 'unchanged', findings: [] });
    expect(run('src/app/plain.toy', 'this is not toy\n', { prefilter: false })).toMatchObject({
      status: 'failed',
      findings: [finding('src/app/plain.toy', 1, 1, 'parse-error', 'not a toy statement: "this is not toy"')],
    });
    expect(run('src/legacy/engine.toy', MODULES['src/legacy/engine.toy']).status).toBe('skipped');
  });

  it('reports a toy parse error at its line and column', () => {
    expect(run('src/app/broken.toy', 'use Store from "../legacy/engine"\nnew OldEngine(1)\n').findings).toEqual([
      finding('src/app/broken.toy', 2, 15, 'parse-error', 'expected an argument name, found "1"'),
    ]);
  });
});

describe('a project of toy and JavaScript files', () => {
  const discovered = discoverFiles(registry, undefined, { cwd: root });

  it('discovers both languages\' files by default, minus the globs toy\'s settings ignore', () => {
    expect(discovered.files).toEqual([...Object.keys(APP), ...Object.keys(MODULES)].filter((f) => !f.startsWith('gen/')).map(at).sort());
  });

  it('rewrites a .ts file through JavaScript and a .toy file through toy, in one run', async () => {
    const runs = await new FileRunner(registry, { transforms: TRANSFORM_ORDER, workers: 0 }).run([at('src/app/repoint.toy'), at('src/app/view.ts')]);
    expect(runs.map((r) => [path.basename(r.file), r.result?.status, r.result?.output])).toEqual([
      ['repoint.toy', 'changed', 'use Store from "../engine"\nref Store\n'],
      ['view.ts', 'changed', "import { Widget } from '../js/widgets';\n\nexport const widget = new Widget();\n"],
    ]);
  });

  it('check: names the legacy modules as the registry does, counts the sites and gives canonical usage', async () => {
    const runs = await new FileRunner(registry, { transforms: TRANSFORM_ORDER, workers: 0, mode: 'measure' }).run(discovered.files);
    const report = buildCheckReport(registry, runs.map((r) => r.result!), discovered.notes);
    // legacy-path: repoint 1, mock 2 (its `use` and its `mock`), view.ts 1; aliased-import: alias; direct-instantiation: construct.
    expect(report.violations).toEqual({ 'legacy-path': 4, 'aliased-import': 1, 'direct-instantiation': 1, singleton: 0 });
    expect(report.total).toBe(6);
    // canonical.toy imports Engine and Store as they are: 2 of 2 + 4 + 1 import sites.
    expect(report.canonicalSites).toBe(2);
    expect(report.canonicalUsage).toBeCloseTo(2 / 7, 10);
    expect(report.legacyModules).toEqual([
      { module: 'src/js/legacy', importers: 1, files: ['src/app/view.ts'], unchecked: [], loadedBy: [], safeToDelete: false },
      { module: 'src/legacy/engine', importers: 2, files: ['src/app/construct.toy', 'src/app/repoint.toy'], unchecked: [], loadedBy: [], safeToDelete: false },
      { module: 'src/old/log', importers: 1, files: ['src/app/mock.toy'], unchecked: [], loadedBy: [], safeToDelete: false },
    ]);
    expect(report.patterns).toEqual([
      {
        symbol: 'Engine', module: 'src/engine', distinct: 3,
        forms: [
          // Toy's own words spell its import forms; equal counts sort by form.
          { form: 'use Engine as Motor from "../engine"', count: 1, canonical: false },
          { form: 'use Engine from "../engine"', count: 1, canonical: true },
          { form: 'use OldEngine from "../legacy/engine"', count: 1, canonical: false },
        ],
      },
      {
        symbol: 'Store', module: 'src/engine', distinct: 2,
        forms: [
          { form: 'use Store from "../engine"', count: 1, canonical: true },
          { form: 'use Store from "../legacy/engine"', count: 1, canonical: false },
        ],
      },
      { symbol: 'Widget', module: 'src/js/widgets', distinct: 1, forms: [{ form: "'../js/legacy' Widget", count: 1, canonical: false }] },
    ]);
    expect(report.findings).toEqual([
      { file: 'src/app/alias.toy', line: 1, column: 5, kind: 'aliased-import', message: 'Engine imported as Motor', fixable: true },
      { file: 'src/app/construct.toy', line: 3, column: 3, kind: 'direct-instantiation', message: 'new OldEngine() bypasses createEngine()', fixable: true },
      { file: 'src/app/mock.toy', line: 1, column: 6, kind: 'legacy-path', message: 'mock of legacy module "../old/log"', fixable: true },
      { file: 'src/app/mock.toy', line: 2, column: 14, kind: 'legacy-path', message: '"../old/log" moved to "../log": import from there', fixable: true },
      { file: 'src/app/repoint.toy', line: 1, column: 5, kind: 'legacy-path', message: 'Store from legacy "../legacy/engine" is Store from its canonical module', fixable: true },
      { file: 'src/app/view.ts', line: 1, column: 10, kind: 'legacy-path', message: 'Widget from legacy "../js/legacy" is Widget from its canonical module', fixable: true },
    ]);
    expect(report.errors).toEqual([]);
    // 7 app files and 6 modules (skipped unparsed, as registry modules); plain.toy is pre-filtered.
    expect(report.files).toEqual({ scanned: 13, measured: 6, changed: 5, failed: 0, skipped: 0 });
  });
});
