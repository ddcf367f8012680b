/**
 * The pre-filter may only save work: over every fixture, the example codebase and the fixture project,
 * the pipeline gives identical results with and without it, for all transforms together and each alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT, PYTHON_PROJECT, fixtureCases, fixtureRegistry } from '../helpers/fixtures';
import { transformFile, type RunMode } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { TRANSFORM_ORDER } from '../../src/transforms';
import { loadRegistry } from '../../src/registry/load';
import { mayNeedRewrite, mayReachRegistry, mentionsRegistry, prefilterNeedles } from '../../src/registry/prefilter';
import { discoverFiles } from '../../src/runner/discover';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildRealTree } = require('../../bench/real-tree') as { buildRealTree: (dir: string) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateTree } = require('../../bench/generate') as {
  generateTree: (dir: string, options: { files: number; legacyShare: number }) => unknown;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generatePythonTree } = require('../../bench/generate-python') as {
  generatePythonTree: (dir: string, options: { files: number; legacyShare: number }) => unknown;
};
import type { Registry } from '../../src/registry/types';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';
import { candidatesOf } from '../helpers/candidates';

const SELECTIONS = [TRANSFORM_ORDER, ...TRANSFORM_ORDER.map((name) => [name])];

function comparable(registry: Registry, file: string, source: string, names: string[], mode: RunMode, prefilter: boolean): unknown {
  const { status, output, findings, changedBy, sites, canonicalSites, usage } = transformFile({
    // (every tree here is free of links, as discovery would find: the pre-filter says all it may)
    path: file, source, registry, transforms: selectTransforms(names), prefilter, mode, linkFree: true,
  });
  // A file the pre-filter skips is 'unchanged'; one parsed and left alone is too. A rewrite does not count
  // the canonical imports of a file it need not parse: only a measure must count them all.
  // (A file parsed for nothing has an empty usage, one skipped none: `check` counts only the parsed as measured.)
  const reached = { symbols: usage?.symbols ?? [], legacyModules: usage?.legacyModules ?? [] };
  return mode === 'measure' ? { status, findings, sites, canonicalSites, reached } : { status, output, findings, changedBy, sites };
}

function expectSameWithAndWithout(registry: Registry, file: string, source: string): void {
  for (const mode of ['rewrite', 'measure'] as const) {
    for (const names of SELECTIONS) {
      expect([file, mode, names, comparable(registry, file, source, names, mode, true)])
        .toEqual([file, mode, names, comparable(registry, file, source, names, mode, false)]);
    }
  }
}

/** Each file's rewrite is the same with the pre-filter as without it; how many files it changes. */
function rewritesChangedAlike(registry: Registry, files: { file: string; source: string }[]): number {
  let changed = 0;
  for (const { file, source } of files) {
    const parsed = comparable(registry, file, source, TRANSFORM_ORDER, 'rewrite', false) as { status: string };
    expect([file, comparable(registry, file, source, TRANSFORM_ORDER, 'rewrite', true)]).toEqual([file, parsed]);
    if (parsed.status === 'changed') changed++;
  }
  return changed;
}

/** Each specifier written in each file (relative to `root`) that the resolver takes to one of `targets`. */
function specifiersReaching(registry: Registry, root: string, positions: readonly string[], specifiers: readonly string[], targets: ReadonlySet<string>) {
  const found: { position: string; file: string; specifier: string; target: string }[] = [];
  for (const position of positions) {
    const file = path.join(root, position);
    for (const specifier of specifiers) {
      const module = registry.resolver.resolve(specifier, file);
      if (module?.kind === 'file' && targets.has(module.path)) found.push({ position, file, specifier, target: module.path });
    }
  }
  return found;
}

/** Every path of up to four segments over `segments` (an empty one makes `a//b`), with and without a trailing slash. */
function pathsOver(segments: readonly string[]): string[] {
  let paths = [''];
  const all: string[] = [];
  for (let depth = 1; depth <= 4; depth++) {
    paths = paths.flatMap((p) => segments.map((segment) => (depth > 1 ? `${p}/${segment}` : segment)));
    all.push(...paths, ...paths.map((p) => `${p}/`));
  }
  return all;
}

function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (/\.(c|m)?(t|j)sx?$/.test(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** Every .py file under a folder. */
function pythonFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.py'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

afterAll(removeTempDirs);

describe('the pre-filter', () => {
  it('changes no result over the fixture cases (inputs and expected outputs)', () => {
    const registry = fixtureRegistry();
    let compared = 0;
    for (const folder of ['consolidated-paths', 'aliased-imports', 'direct-instantiation']) {
      for (const c of fixtureCases(folder)) {
        const file = path.join(PROJECT, 'src', 'app', c.fileName);
        expectSameWithAndWithout(registry, file, c.input);
        expectSameWithAndWithout(registry, file, c.output);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('changes no result over the Python fixture cases, the Python example and its fixture project', () => {
    const registry = fixtureRegistry(PYTHON_PROJECT);
    let compared = 0;
    for (const folder of ['consolidated-paths', 'aliased-imports', 'direct-instantiation']) {
      for (const c of fixtureCases(`python/${folder}`)) {
        const file = path.join(PYTHON_PROJECT.caseFolder, c.fileName);
        expectSameWithAndWithout(registry, file, c.input);
        expectSameWithAndWithout(registry, file, c.output);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
    for (const root of [path.join(__dirname, '..', '..', 'examples', 'netra-python'), PYTHON_PROJECT.root]) {
      const example = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
      const files = pythonFiles(root);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) expectSameWithAndWithout(example, file, fs.readFileSync(file, 'utf8'));
    }
  });

  it('changes no result over the example codebase and the fixture project', () => {
    for (const root of [path.join(__dirname, '..', '..', 'examples', 'netra-engine'), PROJECT]) {
      const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
      for (const file of sourceFiles(path.join(root, 'src'))) expectSameWithAndWithout(registry, file, fs.readFileSync(file, 'utf8'));
    }
  });

  it('skips a file that names no registry module without parsing it', () => {
    const registry = fixtureRegistry();
    const file = path.join(PROJECT, 'src', 'app', 'unrelated.ts');
    const broken = 'export const = ; // does not parse, and mentions nothing of the registry\n';
    expect(transformFile({ path: file, source: broken, registry, transforms: selectTransforms(), prefilter: true }).status).toBe('unchanged');
    expect(transformFile({ path: file, source: broken, registry, transforms: selectTransforms(), prefilter: false }).status).toBe('failed');
  });

  it('derives its strings from the registry: module file names, folder names of index modules, packages', () => {
    const needles = prefilterNeedles(fixtureRegistry());
    expect(needles).toEqual(expect.arrayContaining([
      'execution_engine_consolidated', 'user_execution_engine', 'execution_engine_factory', 'errors', 'agent_errors',
    ]));
  });

  it('never skips a file that reaches a module through "..", or through an alias that hides the file name', () => {
    const root = makeTempDir();
    writeFiles(root, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@old/*': ['src/*_consolidated'] } } }),
      'ssot.config.json': JSON.stringify({
        symbols: [{ name: 'Engine', from: 'src/canonical', legacy: [
          { name: 'Engine', from: 'src/engine_consolidated' },
          { name: 'Engine', from: 'src/legacy' },
        ] }],
      }),
      'src/canonical.ts': 'export class Engine {}\n',
      'src/engine_consolidated.ts': "export { Engine } from './canonical';\n",
      'src/legacy/index.ts': "export { Engine } from '../canonical';\n",
      'src/legacy/inner/user.ts': "import { Engine } from '..';\nexport const e: Engine | null = null;\n",
      'src/aliased_user.ts': "import { Engine } from '@old/engine';\nexport const e: Engine | null = null;\n",
    });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    for (const name of ['src/legacy/inner/user.ts', 'src/aliased_user.ts']) {
      const file = path.join(root, name);
      const result = transformFile({ path: file, source: fs.readFileSync(file, 'utf8'), registry, transforms: selectTransforms() });
      expect([name, result.status]).toEqual([name, 'changed']);
      expectSameWithAndWithout(registry, file, fs.readFileSync(file, 'utf8'));
    }
  });

  it('never skips a file, nor leaves a specifier unresolved, for any spelling of a folder module the resolver accepts', () => {
    // Modules a specifier may reach without naming their file: an index module (as its folder, `..`,
    // `./index`, `../index.js`…), a file a package.json's `main` names (as the package's folder), and
    // both through `paths` aliases into their folders.
    const root = makeTempDir();
    writeFiles(root, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lr/*': ['src/legacy/*'], '@p': ['src/pkg'] } } }),
      'ssot.config.json': JSON.stringify({
        symbols: [{ name: 'Engine', from: 'src/canonical', legacy: [
          { name: 'Engine', from: 'src/legacy' },
          { name: 'Legacy', from: 'src/pkg/lib/main' },
        ] }],
      }),
      'src/canonical.ts': 'export class Engine {}\n',
      'src/legacy/index.ts': "export { Engine } from '../canonical';\n",
      'src/pkg/package.json': JSON.stringify({ main: 'lib/main.js' }),
      'src/pkg/lib/main.ts': "export { Engine as Legacy } from '../../canonical';\n",
    });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const legacy = new Set(['src/legacy/index.ts', 'src/pkg/lib/main.ts'].map((f) => path.join(root, f)));
    const positions = ['src/user.ts', 'src/other/user.ts', 'src/legacy/sibling.ts', 'src/legacy/inner/user.ts',
      'src/legacy/inner/deep/user.ts', 'src/pkg/user.ts', 'src/pkg/lib/user.ts', 'src/pkg/lib/deep/user.ts'];
    // Every path of up to four segments over these names, with and without a trailing slash, and behind each alias.
    const segments = ['.', '..', 'src', 'legacy', 'inner', 'pkg', 'lib', 'index', 'index.js', 'main'];
    const all = pathsOver(segments);
    const specifiers = [...all, ...all.filter((p) => p.split('/').length <= 3).flatMap((p) => [`@lr/${p}`, `@p/${p}`]), '@p', '@lr/'];
    const missed: string[] = [];
    const reaching = specifiersReaching(registry, root, positions, specifiers, legacy);
    for (const { position, file, specifier } of reaching) {
      const source = `import { Engine } from '${specifier}';\n`;
      if (!mayReachRegistry(registry, specifier, file) || !mentionsRegistry(registry, source, file)) missed.push(`${position}: '${specifier}'`);
    }
    expect(reaching.length).toBeGreaterThan(500);
    expect(missed).toEqual([]);
    // And through the whole engine: each spelling of the index module as written from inside its folder is repointed.
    for (const specifier of ['../index', './index', '../index.js', '..', '../', './', '.', '@lr/index']) {
      const file = path.join(root, specifier.startsWith('../') || specifier === '..' ? 'src/legacy/inner/user.ts' : 'src/legacy/sibling.ts');
      const source = `import { Engine } from '${specifier}';\nexport const e: Engine | null = null;\n`;
      const result = transformFile({ path: file, source, registry, transforms: selectTransforms() });
      expect([specifier, result.status]).toEqual([specifier, 'changed']);
    }
  });

  describe('a legacy module that shares its file name with the canonical one (core/managers/factory, supervisor/factory), as the seeds have', () => {
    const TSCONFIGS: Record<string, object> = {
      aliases: { compilerOptions: { baseUrl: '.', paths: { '@m/*': ['src/core/managers/*'], '@c/*': ['src/core/*'], '~*': ['src/*'] } } },
      // a bare `factory` is the legacy module
      baseUrlInside: { compilerOptions: { baseUrl: 'src/core/managers' } },
    };
    const setUp = (tsconfig = TSCONFIGS.aliases): { root: string; registry: Registry } => {
      const root = makeTempDir();
      writeFiles(root, {
        'tsconfig.json': JSON.stringify(tsconfig),
        'ssot.config.json': JSON.stringify({
          symbols: [{ name: 'Factory', from: 'src/agents/supervisor/factory', legacy: [{ name: 'Factory', from: 'src/core/managers/factory' }] }],
        }),
        'src/agents/supervisor/factory.ts': 'export class Factory {}\n',
        'src/core/managers/factory.ts': "export { Factory } from '../../agents/supervisor/factory';\n",
      });
      return { root, registry: loadRegistry({ configPath: path.join(root, 'ssot.config.json') }) };
    };

    it.each(Object.keys(TSCONFIGS))('never lets a rewrite skip a file that reaches the legacy one, by any spelling the resolver accepts (tsconfig: %s)', (name) => {
      const { root, registry } = setUp(TSCONFIGS[name]);
      const legacy = path.join(root, 'src/core/managers/factory.ts');
      const positions = ['user.ts', 'src/user.ts', 'src/core/user.ts', 'src/core/managers/sibling.ts', 'src/core/managers/inner/user.ts',
        'src/core/managers/inner/deep/user.ts', 'src/agents/user.ts', 'src/agents/supervisor/user.ts'];
      const segments = ['.', '..', '', 'src', 'core', 'managers', 'agents', 'supervisor', 'inner', 'factory', 'factory.js'];
      const all = pathsOver(segments);
      const short = all.filter((p) => p.split('/').length <= 3);
      const specifiers = [...new Set([...all, ...short.flatMap((p) => [`@m/${p}`, `@c/${p}`, `~${p}`, `${root}/${p}`])])];
      const missed: string[] = [];
      const reaching = specifiersReaching(registry, root, positions, specifiers, new Set([legacy]));
      for (const { position, file, specifier } of reaching) {
        for (const quote of ["'", '"', '`']) {
          const source = `import { Factory } from ${quote}${specifier}${quote};\n`;
          if (!mayNeedRewrite(registry, source, file, true)) missed.push(`${position}: ${source.trim()}`);
        }
      }
      expect(reaching.length).toBeGreaterThan(300);
      expect(missed).toEqual([]);
    });

    it('lets a rewrite skip a file that names only the canonical one, as most of them are written', () => {
      const { root, registry } = setUp();
      const canonicalOnly = (specifier: string): string => `import { Factory } from '${specifier}';\nexport const f = new Factory();\n`;
      const skipped = [
        ['src/user.ts', './agents/supervisor/factory'], ['src/core/user.ts', '../agents/supervisor/factory.js'],
        ['src/user.ts', '~agents/supervisor/factory'], ['src/user.ts', 'src/agents/supervisor/factory'],
      ];
      for (const [position, specifier] of skipped) {
        const file = path.join(root, position);
        expect([specifier, registry.resolver.resolve(specifier, file)]).toEqual([specifier, { kind: 'file', path: path.join(root, 'src/agents/supervisor/factory.ts') }]);
        expect([specifier, mentionsRegistry(registry, canonicalOnly(specifier), file), mayNeedRewrite(registry, canonicalOnly(specifier), file, true)])
          .toEqual([specifier, true, false]);
        expectSameWithAndWithout(registry, file, canonicalOnly(specifier));
      }
      // In the canonical module's own folder `./factory` may be either: the file is parsed. So is an alias, and the legacy one by its folder.
      const passed = [
        ['src/agents/supervisor/user.ts', "import { Factory } from './factory';\n"],
        ['src/user.ts', "import { Factory as F } from './agents/supervisor/factory';\n"],
        ['src/user.ts', "import { Factory } from '@m/factory';\n"],
        ['src/user.ts', "import { Factory } from './core/managers/factory';\n"],
      ];
      for (const [position, source] of passed) {
        expect([source, mayNeedRewrite(registry, source, path.join(root, position), true)]).toEqual([source, true]);
        expectSameWithAndWithout(registry, path.join(root, position), source);
      }
    });
  });

  describe('a barrel of error classes (a folder index named by a common word), as TypeORM has', () => {
    // src/error/index.ts re-exports every class of src/error/; the registry moves each class's imports onto it.
    const files = {
      'src/error/index.ts': "export * from './NotFoundError';\nexport * from './TimeoutError';\n",
      'src/error/NotFoundError.ts': 'export class NotFoundError extends Error {}\n',
      'src/error/TimeoutError.ts': 'export class TimeoutError extends Error {}\n',
      'src/util/helper.ts': 'export const x = 1;\n',
    };
    const registryJson = JSON.stringify({
      symbols: ['NotFoundError', 'TimeoutError'].map((name) => ({ name, from: 'src/error', legacy: [{ name, from: `src/error/${name}` }] })),
    });
    const TSCONFIGS: Record<string, object | null> = {
      none: null,
      baseUrl: { compilerOptions: { baseUrl: 'src' } },
      paths: { compilerOptions: { paths: { '@app/*': ['./src/*'], '~*': ['./src/*'], 'err:*': ['./src/error/*'] } } },
      star: { compilerOptions: { paths: { '*': ['./src/*'] } } },
    };
    const setUp = (tsconfig: object | null): { root: string; registry: Registry } => {
      const root = makeTempDir();
      writeFiles(root, { ...files, 'ssot.config.json': registryJson, ...(tsconfig ? { 'tsconfig.json': JSON.stringify(tsconfig) } : {}) });
      return { root, registry: loadRegistry({ configPath: path.join(root, 'ssot.config.json') }) };
    };

    it.each(Object.keys(TSCONFIGS))('never skips a file that reaches one of its modules, by any spelling the resolver accepts (tsconfig: %s)', (name) => {
      const { root, registry } = setUp(TSCONFIGS[name]);
      const modules = new Set(['src/error/index.ts', 'src/error/NotFoundError.ts'].map((f) => path.join(root, f)));
      const positions = ['src/user.ts', 'src/util/user.ts', 'src/util/deep/user.ts', 'src/error/sibling.ts', 'src/error/inner/user.ts', 'other/user.ts', 'user.ts'];
      const segments = ['.', '..', 'src', 'util', 'error', 'index', 'index.js', 'NotFoundError', 'NotFoundError.js', 'NotFoundError.ts'];
      const all = pathsOver(segments);
      const short = all.filter((p) => p.split('/').length <= 3);
      const specifiers = [...all, ...short.flatMap((p) => [`@app/${p}`, `~${p}`, `err:${p}`, `${root}/${p}`])];
      // Every way a file writes a module string, in every quote.
      const forms = [
        (q: string, s: string) => `import { NotFoundError } from ${q}${s}${q};\n`,
        (q: string, s: string) => `export { NotFoundError as E } from ${q}${s}${q};\n`,
        (q: string, s: string) => `const { NotFoundError } = require(${q}${s}${q});\n`,
        (q: string, s: string) => `export const load = () => import(${q}${s}${q});\n`,
      ];
      const aliasForms = [
        (q: string, s: string) => `import { NotFoundError as NF } from ${q}${s}${q};\n`,
        (q: string, s: string) => `const { NotFoundError: NF } = require(${q}${s}${q});\n`,
      ];
      const missed: string[] = [];
      const reaching = specifiersReaching(registry, root, positions, specifiers, modules);
      for (const { position, file, specifier, target } of reaching) {
        if (!mayReachRegistry(registry, specifier, file)) missed.push(`${position}: '${specifier}' not resolved`);
        // A rewrite may skip the barrel's plain imports, never a legacy module's nor an alias of the barrel's.
        const legacy = target.endsWith('NotFoundError.ts');
        for (const quote of ["'", '"', '`']) {
          for (const form of forms) {
            const source = form(quote, specifier);
            if (!mentionsRegistry(registry, source, file)) missed.push(`${position}: ${source.trim()} skipped`);
            if (legacy && !mayNeedRewrite(registry, source, file)) missed.push(`${position}: ${source.trim()} skipped by a rewrite`);
          }
          for (const form of aliasForms) {
            const source = form(quote, specifier);
            if (!mayNeedRewrite(registry, source, file)) missed.push(`${position}: ${source.trim()} skipped by a rewrite`);
          }
        }
      }
      expect(reaching.length).toBeGreaterThan(300);
      expect(missed).toEqual([]);
    });

    it('lets through only the files whose specifiers may name them, not those that merely say the word', () => {
      const { root, registry } = setUp(TSCONFIGS.paths);
      const file = path.join(root, 'src', 'util', 'user.ts');
      const skipped = [
        'logger.log("error", message);\nthis.emit(\'error\', e);\n',
        '// throws NotFoundError when the error is not found\nthrow new NotFoundError();\n',
        "import { helper } from './errorHandler';\nimport { x } from '../error_codes';\n",
        "import { y } from 'error';\nimport { z } from 'some-package/NotFoundErrors';\n",
      ];
      for (const source of skipped) expect([source, mentionsRegistry(registry, source, file)]).toEqual([source, false]);
      const passed = ["import { NotFoundError } from '../error';\n", "import { A } from '../error/NotFoundError.js';\n", "import * as e from '@app/error/';\n"];
      for (const source of passed) expect([source, mentionsRegistry(registry, source, file)]).toEqual([source, true]);
      // With a baseUrl, a bare 'error' is the folder module.
      const withBase = setUp(TSCONFIGS.baseUrl);
      expect(mentionsRegistry(withBase.registry, "import { y } from 'error';\n", path.join(withBase.root, 'src', 'util', 'user.ts'))).toBe(true);
    });

    it('changes no result, with and without the pre-filter, over files that mention the names in every other way', () => {
      const { root, registry } = setUp(TSCONFIGS.paths);
      const sources = [
        "import { NotFoundError } from '../error/NotFoundError';\nthrow new NotFoundError();\n",
        "import { NotFoundError as NF } from '../error';\n// NotFoundError, error\nexport const e = new NF();\n",
        'const error = "error";\nclass NotFoundError {}\nexport { error, NotFoundError };\n',
        "export * from '~error/TimeoutError';\nexport type T = import('@app/error/NotFoundError').NotFoundError;\n",
      ];
      for (const source of sources) expectSameWithAndWithout(registry, path.join(root, 'src', 'util', 'user.ts'), source);
    });

    it('lets a rewrite skip a file that imports the barrel as it is, which a measure still parses and counts', () => {
      const { root, registry } = setUp(TSCONFIGS.paths);
      const file = path.join(root, 'src', 'util', 'user.ts');
      const canonicalOnly = "import { NotFoundError, TimeoutError } from '../error';\nthrow new NotFoundError(String(new TimeoutError()));\n";
      expect(mentionsRegistry(registry, canonicalOnly, file)).toBe(true);
      expect(mayNeedRewrite(registry, canonicalOnly, file)).toBe(false);
      const run = (mode: RunMode) => transformFile({ path: file, source: canonicalOnly, registry, transforms: selectTransforms(), mode });
      expect(run('rewrite')).toMatchObject({ status: 'unchanged', canonicalSites: 0 });
      expect(run('measure')).toMatchObject({ status: 'unchanged', canonicalSites: 2 });
      // Nor is such a file parsed to find that it does not parse: apply has nothing to say; check, which reads a
      // file as apply does, counts its imports and reports an error only where it reads it (the imports here).
      const broken = `${canonicalOnly}export const = ;\n`;
      expect(transformFile({ path: file, source: broken, registry, transforms: selectTransforms() }).status).toBe('unchanged');
      expect(transformFile({ path: file, source: broken, registry, transforms: selectTransforms(), mode: 'measure' }))
        .toMatchObject({ status: 'unchanged', findings: [], canonicalSites: 2 });
      const brokenImport = canonicalOnly.replace('{ NotFoundError,', '{ NotFoundError');
      expect(transformFile({ path: file, source: brokenImport, registry, transforms: selectTransforms(), mode: 'measure' }))
        .toMatchObject({ status: 'failed', findings: [expect.objectContaining({ kind: 'parse-error' })] });
      // A legacy module named, or an alias, is parsed, also inside the barrel's folder (where '.' names the barrel).
      expect(mayNeedRewrite(registry, "import { NotFoundError } from '../error/NotFoundError';\n", file)).toBe(true);
      const inside = path.join(root, 'src', 'error', 'user.ts');
      expect(mayNeedRewrite(registry, "import { NotFoundError } from './NotFoundError';\n", inside)).toBe(true);
      expect(mayNeedRewrite(registry, "import { NotFoundError as NF } from '.';\n", inside)).toBe(true);
      expect(mayNeedRewrite(registry, "import { NotFoundError } from '.';\n", inside)).toBe(false);
    });

    it('never lets a rewrite skip a file that aliases a canonical name, however it is spelled', () => {
      const { root, registry } = setUp(TSCONFIGS.paths);
      const file = path.join(root, 'src', 'util', 'user.ts');
      const aliased = [
        "import { NotFoundError as NF } from '../error';\nexport const e = new NF();\n",
        "import {\n  TimeoutError /* old name */ as TE,\n} from '@app/error';\nexport const e = new TE();\n",
        "import { 'NotFoundError' as NF } from '../error';\nexport const e = new NF();\n",
        "import type { NotFoundError as NF } from '../error/index';\nexport type E = NF;\n",
        "const { NotFoundError: NF } = require('../error');\nmodule.exports = new NF();\n",
        "const { 'TimeoutError': TE } = require('~error');\nmodule.exports = new TE();\n",
        // Escapes that spell the name unseen: an identity escape, a line continuation inside the string.
        "import { 'Not\\FoundError' as NF } from '../error';\nexport const e = new NF();\n",
        "const { 'NotFoundError\\\n': NF } = require('../error');\nmodule.exports = new NF();\n",
      ];
      const script = path.join(root, 'src', 'util', 'user.cjs');
      const cases = [
        ...aliased.map((source) => ({ file, source })),
        // A script may hold HTML-like comments between the name and the colon.
        { file: script, source: "const { NotFoundError <!-- the old name\n: NF } = require('../error');\nmodule.exports = new NF();\n" },
        { file: script, source: "const { NotFoundError\n--> the old name\n: NF } = require('../error');\nmodule.exports = new NF();\n" },
      ];
      for (const { file: at, source } of cases) {
        expect([source, mayNeedRewrite(registry, source, at)]).toEqual([source, true]);
        const result = transformFile({ path: at, source, registry, transforms: selectTransforms() });
        expect([source, result.status, result.changedBy]).toEqual([source, 'changed', ['aliased-imports']]);
      }
    });
  });

  it('is narrowed for a rewrite in every language, each by its own alias test', () => {
    expect([...fixtureRegistry().prefilter.rewrites.keys()].sort()).toEqual(['javascript', 'python']);
    expect([...fixtureRegistry(PYTHON_PROJECT).prefilter.rewrites.keys()].sort()).toEqual(['javascript', 'python']);
  });

  it('lets a rewrite skip a Python file that imports the canonical module as it is, never one that aliases its names', () => {
    const root = makeTempDir();
    writeFiles(root, {
      'ssot.config.json': JSON.stringify({ symbols: [{ name: 'Engine', from: 'app.engine', legacy: [{ name: 'OldEngine', from: 'app.old_engine' }] }] }),
      'app/__init__.py': '',
      'app/engine.py': 'class Engine:\n    pass\n',
      'app/old_engine.py': 'from app.engine import Engine as OldEngine\n',
    });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    const file = path.join(root, 'app', 'user.py');
    const plain = 'from app.engine import Engine\n\nengine = Engine()\n';
    expect(mayNeedRewrite(registry, plain, file)).toBe(false);
    const run = (source: string, mode: RunMode) => transformFile({ path: file, source, registry, transforms: selectTransforms(), mode });
    expect(run(plain, 'rewrite')).toMatchObject({ status: 'unchanged', canonicalSites: 0 });
    expect(run(plain, 'measure')).toMatchObject({ status: 'unchanged', canonicalSites: 1 });
    for (const source of [
      'from app.engine import Engine as E\n\nengine = E()\n',
      'from app.engine import (\n    Engine  # the one\n    as E,\n)\n\nengine = E()\n',
      'from app.old_engine import OldEngine\n\nengine = OldEngine()\n',
      // Python reads ｏld_engine (a full-width ｏ) as old_engine.
      'from app.\uff4fld_engine import OldEngine\n\nengine = OldEngine()\n',
    ]) {
      expect([source, mayNeedRewrite(registry, source, file)]).toEqual([source, true]);
      expect([source, run(source, 'rewrite').status]).toEqual([source, 'changed']);
    }
  });

  it('changes no Python rewrite over a tree written the seeds\' ways, where a third of the files that pass name the canonical module only', () => {
    const root = makeTempDir();
    generatePythonTree(root, { files: 3_000, legacyShare: 0.05 });
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    // Every file that holds a needle as part of any word: what the pre-filter passed when it matched substrings.
    const candidates = discoverFiles(registry).files
      .map((file) => ({ file, source: fs.readFileSync(file, 'utf8') }))
      .filter(({ source }) => registry.prefilter.byLanguage.get('python')!.needles.some((needle) => source.includes(needle)));
    const skipped = candidates.filter(({ file, source }) => !mayNeedRewrite(registry, source, file));
    expect(candidates.length).toBeGreaterThan(150);
    expect(skipped.length).toBeGreaterThan(50);
    expect(rewritesChangedAlike(registry, candidates)).toBeGreaterThan(80);
  });

  it('changes no rewrite over the real TypeORM sources, consolidating their error classes onto the barrel', () => {
    const root = makeTempDir();
    buildRealTree(root);
    const { registry, files: passed } = candidatesOf(root);
    const skippedByRewrites = passed.filter(({ file, source }) => !mayNeedRewrite(registry, source, file));
    // Measured at typeorm 1.1.3: 151 files name src/error, 32 of them only the barrel, with no alias nor escape.
    expect(passed.length).toBeGreaterThan(120);
    expect(skippedByRewrites.length).toBeGreaterThan(25);
    expect(rewritesChangedAlike(registry, passed)).toBeGreaterThan(40);
  });

  it('changes no rewrite over a generated tree, where the canonical factory and a legacy one share a file name', () => {
    const root = makeTempDir();
    generateTree(root, { files: 2_000, legacyShare: 0.05 });
    const { registry, files: passed } = candidatesOf(root);
    const skippedByRewrites = passed.filter(({ file, source }) => !mayNeedRewrite(registry, source, file, true));
    // (at 20,000 files: 583 of the 1,590 files that pass name the canonical modules only, most the factory)
    expect(skippedByRewrites.length).toBeGreaterThan(passed.length / 4);
    expect(rewritesChangedAlike(registry, passed)).toBeGreaterThan(50);
  });
});
