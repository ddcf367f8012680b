import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_INCLUDE, findRegistryFile, loadRegistry, RegistryError } from '../../src/registry/load';
import type { JavaScriptModules } from '../../src/languages/javascript/module-system';
import { moduleKey } from '../../src/languages/javascript/resolve';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

const tree = (files: Record<string, string>): string => tempTree(files, 'ssot-registry-');
afterAll(removeTempDirs);

/** A small codebase in the shape of the SPEC's example. */
const SOURCES: Record<string, string> = {
  'src/agents/supervisor/user_execution_engine.ts': 'export class UserExecutionEngine {}\nexport default UserExecutionEngine;',
  'src/agents/supervisor/execution_engine_factory.ts': 'export function createUserExecutionEngine(ctx: unknown) {}',
  'src/agents/execution_engine_consolidated.ts':
    "export { UserExecutionEngine as ExecutionEngine, UserExecutionEngine } from './supervisor/user_execution_engine';",
  'src/agents/execution_engine_unified_factory.ts': "export * from './supervisor/execution_engine_factory';",
  'src/agents/index.ts': "export * from './supervisor/user_execution_engine';",
  'src/error/index.ts': 'export class AppError {}',
  'src/error/legacy.ts': "export { AppError as LegacyError } from './index';",
  'node_modules/@netra/engine/package.json': '{"types": "index.d.ts"}',
  'node_modules/@netra/engine/index.d.ts': 'export declare class Engine {}',
};

const VALID = {
  include: ['src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', 'tests/**/*'],
  exclude: ['**/generated/**'],
  modules: [{ from: 'src/agents/execution_engine_unified_factory', to: 'src/agents/supervisor/execution_engine_factory' }],
  symbols: [
    {
      name: 'UserExecutionEngine',
      from: 'src/agents/supervisor/user_execution_engine',
      legacy: [
        {
          name: 'ExecutionEngine',
          from: 'src/agents/execution_engine_consolidated',
          construct: { factory: 'createUserExecutionEngine', from: 'src/agents/supervisor/execution_engine_factory', minArgs: 1 },
        },
        { name: 'UserExecutionEngine', from: 'src/agents/execution_engine_consolidated' },
      ],
    },
  ],
};

/** A tree with SOURCES, the given registry (object → JSON, string → as is) and extra files. */
function registryTree(config: unknown, extra: Record<string, string> = {}): { root: string; file: string } {
  const text = typeof config === 'string' ? config : JSON.stringify(config, null, 2);
  const root = tree({ ...SOURCES, ...extra, 'ssot.config.json': text });
  return { root, file: path.join(root, 'ssot.config.json') };
}

function registryError(config: unknown, extra: Record<string, string> = {}): RegistryError & { configFile: string } {
  const { file } = registryTree(config, extra);
  try {
    loadRegistry({ configPath: file });
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    return Object.assign(error, { configFile: file });
  }
  throw new Error('expected the registry to be refused');
}

/** The error names the file and the JSON path, on one line, and says what is wrong. */
function expectRefused(config: unknown, jsonPath: string, what: RegExp, extra: Record<string, string> = {}): void {
  const error = registryError(config, extra);
  expect(error.jsonPath).toBe(jsonPath);
  expect(error.file).toBe(error.configFile);
  expect(error.message).toBe(`${error.configFile}: ${jsonPath}: ${error.expected}`);
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.expected).toMatch(what);
}

/** VALID with one change made by `edit` on a deep copy. */
function variant(edit: (config: typeof VALID & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(VALID) as typeof VALID & Record<string, unknown>;
  edit(copy);
  return copy;
}

describe('a valid registry', () => {
  const { root, file } = registryTree(VALID);
  const registry = loadRegistry({ configPath: file });
  const key = (name: string) => path.join(root, name);

  test('file, root, include, exclude as written; no tsconfig when there is none', () => {
    expect(registry.file).toBe(file);
    expect(registry.root).toBe(root);
    expect(registry.include).toEqual(VALID.include);
    expect(registry.exclude).toEqual(['**/generated/**']);
    expect((registry.resolver.systems[0] as JavaScriptModules).tsconfig).toBeUndefined();
  });

  test('symbols, legacy entries and construct rules are resolved', () => {
    expect(registry.symbols).toHaveLength(1);
    const [symbol] = registry.symbols;
    expect(symbol.name).toBe('UserExecutionEngine');
    expect(symbol.module).toEqual({ kind: 'file', path: key('src/agents/supervisor/user_execution_engine.ts') });
    expect(symbol.legacy.map((l) => l.name)).toEqual(['ExecutionEngine', 'UserExecutionEngine']);
    expect(symbol.legacy[0].canonical).toBe(symbol);
    expect(symbol.legacy[0].construct).toEqual({
      factory: 'createUserExecutionEngine',
      module: { kind: 'file', path: key('src/agents/supervisor/execution_engine_factory.ts') },
      minArgs: 1,
    });
    expect(symbol.legacy[1].construct).toBeUndefined();
  });

  test('lookup maps are keyed by moduleKey', () => {
    const consolidated = key('src/agents/execution_engine_consolidated.ts');
    expect([...registry.legacyByModule.keys()]).toEqual([consolidated]);
    expect([...registry.legacyByModule.get(consolidated)!.keys()]).toEqual(['ExecutionEngine', 'UserExecutionEngine']);
    expect(registry.legacyByModule.get(consolidated)!.get('ExecutionEngine')).toBe(registry.symbols[0].legacy[0]);
    const canonical = key('src/agents/supervisor/user_execution_engine.ts');
    expect(registry.canonicalByModule.get(canonical)!.get('UserExecutionEngine')).toBe(registry.symbols[0]);
    const movedFrom = key('src/agents/execution_engine_unified_factory.ts');
    expect(registry.movesByModule.get(movedFrom)).toBe(registry.modules[0]);
    expect(registry.modules[0].to).toEqual({ kind: 'file', path: key('src/agents/supervisor/execution_engine_factory.ts') });
  });

  test('legacy and canonical module sets', () => {
    expect([...registry.legacyModules].sort()).toEqual(
      [key('src/agents/execution_engine_consolidated.ts'), key('src/agents/execution_engine_unified_factory.ts')].sort(),
    );
    expect([...registry.canonicalModules].sort()).toEqual(
      [key('src/agents/supervisor/user_execution_engine.ts'), key('src/agents/supervisor/execution_engine_factory.ts')].sort(),
    );
  });

  test('the resolver works from the registry root', () => {
    expect(registry.resolver.resolveRegistryName('src/error')).toEqual({ kind: 'file', path: key('src/error/index.ts') });
  });
});

describe('defaults and other valid shapes', () => {
  test('include, exclude, minArgs default; tsconfig.json beside the registry is used', () => {
    const config = {
      symbols: [
        {
          name: 'AppError',
          from: 'src/error',
          legacy: [{ name: 'LegacyError', from: 'src/error/legacy', construct: { factory: 'createUserExecutionEngine', from: 'src/agents/supervisor/execution_engine_factory' } }],
        },
      ],
    };
    const { root, file } = registryTree(config, { 'tsconfig.json': '{"compilerOptions": {"baseUrl": "."}}' });
    const registry = loadRegistry({ configPath: file });
    expect(registry.include).toEqual(DEFAULT_INCLUDE);
    expect(registry.include).toEqual(['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', '**/*.py', '**/*.pyi']);
    expect(registry.exclude).toEqual([]);
    expect((registry.resolver.systems[0] as JavaScriptModules).tsconfig).toBe(path.join(root, 'tsconfig.json'));
    expect(registry.symbols[0].module).toEqual({ kind: 'file', path: path.join(root, 'src/error/index.ts') });
    expect(registry.symbols[0].legacy[0].construct!.minArgs).toBe(0);
  });

  test('an empty registry is valid', () => {
    const registry = loadRegistry({ configPath: registryTree({}).file });
    expect(registry.symbols).toEqual([]);
    expect(registry.modules).toEqual([]);
    expect(registry.legacyModules.size).toBe(0);
  });

  test('a $schema key is allowed for editors', () => {
    expect(() => loadRegistry({ configPath: registryTree({ $schema: './schema.json' }).file })).not.toThrow();
  });

  test('canonical exports found through export * chains, default exports, and installed packages', () => {
    const config = {
      symbols: [
        { name: 'UserExecutionEngine', from: 'src/agents', legacy: [{ name: 'ExecutionEngine', from: 'src/agents/execution_engine_consolidated' }] },
        { name: 'default', from: 'src/agents/supervisor/user_execution_engine' },
        { name: 'Engine', from: '@netra/engine', legacy: [{ name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine' }] },
      ],
    };
    const { root, file } = registryTree(config);
    const registry = loadRegistry({ configPath: file });
    expect(registry.symbols[2].module).toEqual({ kind: 'package', name: '@netra/engine' });
    expect(registry.canonicalModules.has('pkg:@netra/engine')).toBe(true);
    expect(registry.canonicalModules.has(path.join(root, 'src/agents/index.ts'))).toBe(true);
  });

  test('a module path in tsconfig alias form', () => {
    const config = { symbols: [{ name: 'AppError', from: '@app/error' }] };
    const extra = { 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@app/*': ['./src/*'] } } }) };
    const { root, file } = registryTree(config, extra);
    expect(moduleKey(loadRegistry({ configPath: file }).symbols[0].module)).toBe(path.join(root, 'src/error/index.ts'));
  });

  test('a named tsconfig (and its extends) is honoured', () => {
    const config = { tsconfig: 'config/tsconfig.app.json', symbols: [{ name: 'AppError', from: '~/error' }] };
    const extra = {
      'config/tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '~/*': ['src/*'] } } }),
      'config/tsconfig.app.json': JSON.stringify({ extends: './tsconfig.base.json' }),
    };
    const { root, file } = registryTree(config, extra);
    const registry = loadRegistry({ configPath: file });
    expect((registry.resolver.systems[0] as JavaScriptModules).tsconfig).toBe(path.join(root, 'config/tsconfig.app.json'));
    expect(registry.symbols[0].module).toEqual({ kind: 'file', path: path.join(root, 'src/error/index.ts') });
  });
});

describe('finding the registry', () => {
  test('findRegistryFile searches upward', () => {
    const { root, file } = registryTree({});
    fs.mkdirSync(path.join(root, 'src/deep/er'), { recursive: true });
    expect(findRegistryFile(path.join(root, 'src/deep/er'))).toBe(file);
    expect(findRegistryFile(root)).toBe(file);
  });

  test('findRegistryFile gives null when there is none', () => {
    const root = tree({ 'src/a.ts': '' });
    // The temporary folder has no registry above it unless the machine has one at its root.
    const above = findRegistryFile(path.dirname(root));
    expect(findRegistryFile(path.join(root, 'src'))).toBe(above);
  });

  test('loadRegistry finds it from cwd', () => {
    const { root, file } = registryTree({});
    expect(loadRegistry({ cwd: path.join(root, 'src/agents') }).file).toBe(file);
  });

  test('a --config path that does not exist', () => {
    const root = tree({});
    const missing = path.join(root, 'nope.json');
    expect(() => loadRegistry({ configPath: missing })).toThrow(new RegistryError(missing, '$', 'no such file (expected a registry file, ssot.config.json)'));
    expect(() => loadRegistry({ configPath: 'nope.json', cwd: root })).toThrow(`${missing}: $: no such file`);
  });
});

describe('invalid registries: JSON and schema', () => {
  test('bad JSON: $ and line:column of the error', () => {
    expectRefused('{\n  "symbols": [\n    { "name": x }\n  ]\n}', '$', /^invalid JSON at 3:15: Unexpected token/);
    expectRefused('{\n  "include": ["a",,]\n}', '$', /^invalid JSON at 2:19: /);
    expectRefused('{\n  "include": []', '$', /^invalid JSON at 2:16: /);
    expectRefused('', '$', /^invalid JSON at 1:1: /);
  });

  test('JSON with comments and trailing commas (JSONC, as tsconfig.json allows) is accepted', () => {
    const text = `// the registry\n{\n  /* what is canonical */\n  "symbols": [\n    { "name": "AppError", "from": "src/error", }, // trailing commas\n  ],\n}\n`;
    expect(loadRegistry({ configPath: registryTree(text).file }).symbols.map((s) => s.name)).toEqual(['AppError']);
    expectRefused('{ /* never closed', '$', /^invalid JSON at 1:3: a comment that never ends/);
  });

  test('a BOM before the JSON is fine', () => {
    expect(() => loadRegistry({ configPath: registryTree('\uFEFF{}').file })).not.toThrow();
  });

  test('not an object', () => expectRefused('[]', '$', /^an array is not an object/));

  test('unknown top-level key', () => {
    expectRefused({ ...VALID, symbol: [] }, '$.symbol', /^unknown key \(expected one of: include, exclude, tsconfig, python, modules, symbols\); did you mean "symbols"\?$/);
  });

  test('unknown key in a legacy entry', () => {
    expectRefused(variant((c) => Object.assign(c.symbols[0].legacy[1], { nmae: 'x' })), '$.symbols[0].legacy[1].nmae', /^unknown key \(expected one of: name, from, construct\); did you mean "name"\?$/);
  });

  test('unknown key in construct', () => {
    expectRefused(variant((c) => Object.assign(c.symbols[0].legacy[0].construct!, { minargs: 1 })), '$.symbols[0].legacy[0].construct.minargs', /^unknown key/);
  });

  test('unknown key in a module move', () => {
    expectRefused(variant((c) => Object.assign(c.modules[0], { names: [] })), '$.modules[0].names', /^unknown key \(expected one of: from, to\)$/);
  });

  test('a key that is not an identifier is quoted in the path', () => {
    expectRefused({ 'not-a-key': 1 }, '$["not-a-key"]', /^unknown key/);
  });

  test('include must be an array of strings', () => {
    expectRefused({ include: 'src/**' }, '$.include', /^string "src\/\*\*" is not an array/);
    expectRefused({ include: ['src/**', 3] }, '$.include[1]', /^number 3 is not a string/);
  });

  test('exclude must be an array of strings', () => {
    expectRefused({ exclude: [null] }, '$.exclude[0]', /^null is not a string/);
  });

  test('tsconfig must be a string', () => {
    expectRefused({ tsconfig: true }, '$.tsconfig', /^boolean true is not a string/);
  });

  test('modules and symbols must be arrays of objects', () => {
    expectRefused({ modules: {} }, '$.modules', /^an object is not an array/);
    expectRefused({ symbols: ['UserExecutionEngine'] }, '$.symbols[0]', /^string "UserExecutionEngine" is not an object/);
  });

  test('modules[].from and modules[].to are required', () => {
    expectRefused({ modules: [{ to: 'src/error' }] }, '$.modules[0].from', /^missing \(expected a module path relative to the registry's folder/);
    expectRefused({ modules: [{ from: 'src/error' }] }, '$.modules[0].to', /^missing /);
  });

  test('symbols[].name and symbols[].from are required', () => {
    expectRefused({ symbols: [{ from: 'src/error' }] }, '$.symbols[0].name', /^missing \(expected an exported name, or "default"/);
    expectRefused({ symbols: [{ name: 'AppError' }] }, '$.symbols[0].from', /^missing /);
  });

  test('legacy[].name and legacy[].from are required', () => {
    expectRefused(variant((c) => delete (c.symbols[0].legacy[1] as { name?: string }).name), '$.symbols[0].legacy[1].name', /^missing /);
    expectRefused(variant((c) => delete (c.symbols[0].legacy[1] as { from?: string }).from), '$.symbols[0].legacy[1].from', /^missing /);
  });

  test('construct.factory and construct.from are required', () => {
    expectRefused(variant((c) => delete (c.symbols[0].legacy[0].construct as { factory?: string }).factory), '$.symbols[0].legacy[0].construct.factory', /^missing /);
    expectRefused(variant((c) => delete (c.symbols[0].legacy[0].construct as { from?: string }).from), '$.symbols[0].legacy[0].construct.from', /^missing /);
  });

  test('minArgs must be a non-negative integer', () => {
    expectRefused(variant((c) => (c.symbols[0].legacy[0].construct!.minArgs = -1)), '$.symbols[0].legacy[0].construct.minArgs', /^number -1 is too small \(expected a non-negative integer/);
    expectRefused(variant((c) => (c.symbols[0].legacy[0].construct!.minArgs = 1.5)), '$.symbols[0].legacy[0].construct.minArgs', /^number 1.5 is not an integer/);
    expectRefused(variant((c) => Object.assign(c.symbols[0].legacy[0].construct!, { minArgs: '1' })), '$.symbols[0].legacy[0].construct.minArgs', /^string "1" is not an integer/);
  });

  test('names and module paths must not be empty', () => {
    expectRefused({ symbols: [{ name: '', from: 'src/error' }] }, '$.symbols[0].name', /^string "" is too small/);
    expectRefused({ modules: [{ from: '', to: 'src/error' }] }, '$.modules[0].from', /^string "" is too small/);
  });
});

describe('invalid registries: modules that do not resolve', () => {
  const NO_FILE = /resolves to no file \(expected a module path relative to the registry's folder, without extension, or a package name\)$/;

  test('symbols[].from', () => {
    expectRefused(variant((c) => (c.symbols[0].from = 'src/agents/nope')), '$.symbols[0].from', /^"src\/agents\/nope" resolves to no file/);
  });

  test('legacy[].from (the message of the SPEC)', () => {
    const error = registryError(variant((c) => (c.symbols[0].legacy[1].from = 'src/nope')));
    expect(error.message).toBe(
      `${error.configFile}: $.symbols[0].legacy[1].from: "src/nope" resolves to no file (expected a module path relative to the registry's folder, without extension, or a package name)`,
    );
  });

  test('a path that resolves to nothing suggests the nearest module of the folder', () => {
    expectRefused(variant((c) => (c.symbols[0].legacy[1].from = 'src/agents/execution_engine_consolidatd')), '$.symbols[0].legacy[1].from',
      /^"src\/agents\/execution_engine_consolidatd" resolves to no file \(expected .*\); did you mean "src\/agents\/execution_engine_consolidated"\?$/);
    // A mistyped first folder reads as a package name; the nearest file path is still suggested.
    expectRefused(variant((c) => (c.symbols[0].from = 'scr/agents/supervisor/user_execution_engine')), '$.symbols[0].from',
      /is neither a file .*; did you mean "src\/agents\/supervisor\/user_execution_engine"\?$/);
    // An index module is suggested as its folder, the way the registry names it.
    expectRefused({ symbols: [{ name: 'AppError', from: 'src/eror' }] }, '$.symbols[0].from', /; did you mean "src\/error"\?$/);
  });

  test('construct.from', () => {
    expectRefused(variant((c) => (c.symbols[0].legacy[0].construct!.from = 'src/agents/factory')), '$.symbols[0].legacy[0].construct.from', NO_FILE);
  });

  test('modules[].from and modules[].to', () => {
    expectRefused(variant((c) => (c.modules[0].from = 'src/old')), '$.modules[0].from', NO_FILE);
    expectRefused(variant((c) => (c.modules[0].to = 'src/new')), '$.modules[0].to', NO_FILE);
  });

  test('a mistyped first folder is neither a file nor an installed package', () => {
    expectRefused(variant((c) => (c.symbols[0].from = 'scr/agents/supervisor/user_execution_engine')), '$.symbols[0].from', /^"scr\/agents\/supervisor\/user_execution_engine" is neither a file under the registry's folder nor an installed package/);
  });

  test('a path into an installed package must name one of its files (through its exports map, or on disk)', () => {
    const pkg = {
      'node_modules/streams/package.json': JSON.stringify({ name: 'streams', exports: { '.': './index.js', './internal/*': { types: './types/internal/*.d.ts' } } }),
      'node_modules/streams/index.js': 'exports.map = 1;\n',
      'node_modules/streams/types/internal/map.d.ts': 'export declare const map: number;\n',
      'node_modules/plain/package.json': JSON.stringify({ name: 'plain' }),
      'node_modules/plain/lib/old.js': 'exports.old = 1;\n',
    };
    const withLegacy = (from: string, name = 'UserExecutionEngine') => variant((c) => Object.assign(c.symbols[0].legacy[1], { from, name }));
    for (const [from, name] of [['streams/internal/map', 'map'], ['plain/lib/old', 'old']]) {
      const { file } = registryTree(withLegacy(from, name), pkg);
      expect(() => loadRegistry({ configPath: file })).not.toThrow();
    }
    expectRefused(withLegacy('streams/internal/nope'), '$.symbols[0].legacy[1].from', /^"streams\/internal\/nope" names no file of the installed package "streams"/, pkg);
    expectRefused(withLegacy('plain/lib/nope'), '$.symbols[0].legacy[1].from', /^"plain\/lib\/nope" names no file of the installed package "plain"/, pkg);
  });

  test('a name with a NUL byte is refused like any other name that resolves to nothing, not with a crash', () => {
    expectRefused(variant((c) => (c.symbols[0].legacy[1].from = 'src/agents/execution_engine_consolidated\u0000')), '$.symbols[0].legacy[1].from', /^"src\/agents\/execution_engine_consolidated\u0000" resolves to no file/);
    expectRefused(variant((c) => (c.symbols[0].legacy[1].from = 'typescript\u0000')), '$.symbols[0].legacy[1].from', /^"typescript\u0000" is neither a file under the registry's folder nor an installed package/);
  });

  test('a path leaving the registry folder is refused', () => {
    const config = variant((c) => (c.symbols[0].legacy[1].from = '../outside'));
    expectRefused(config, '$.symbols[0].legacy[1].from', /^"\.\.\/outside" leaves the registry's folder/);
  });

  test('an absolute path outside the registry folder is refused', () => {
    expectRefused({ modules: [{ from: os.tmpdir(), to: 'src/error' }] }, '$.modules[0].from', /leaves the registry's folder/);
  });

  test('a tsconfig that is named but missing', () => {
    expectRefused({ ...VALID, tsconfig: 'tsconfig.base.json' }, '$.tsconfig', /^"tsconfig.base.json" does not exist \(expected the path of a tsconfig file/);
  });

  test('a tsconfig that cannot be read', () => {
    expectRefused({ tsconfig: 'tsconfig.json' }, '$.tsconfig', /cannot be used: /, { 'tsconfig.json': '{ "extends": "./missing-base.json" }' });
  });

  test('a tsconfig above the registry is honoured inside its repository (a monorepo\'s base), refused out of it', () => {
    const base = JSON.stringify({ compilerOptions: { baseUrl: 'pkg', paths: { '~/*': ['src/*'] } } });
    const files = Object.fromEntries(Object.entries(SOURCES).map(([name, text]) => [`pkg/${name}`, text]));
    const config = JSON.stringify({ tsconfig: '../tsconfig.base.json', symbols: [{ name: 'AppError', from: '~/error' }] });
    const repository = tree({ ...files, 'tsconfig.base.json': base, 'pkg/ssot.config.json': config });
    fs.mkdirSync(path.join(repository, '.git'));
    const registry = loadRegistry({ configPath: path.join(repository, 'pkg/ssot.config.json') });
    expect((registry.resolver.systems[0] as JavaScriptModules).tsconfig).toBe(path.join(repository, 'tsconfig.base.json'));
    fs.rmdirSync(path.join(repository, '.git'));
    expect(() => loadRegistry({ configPath: path.join(repository, 'pkg/ssot.config.json') })).toThrow(
      '$.tsconfig: "../tsconfig.base.json" leads out of the repository (expected a tsconfig file inside it)',
    );
  });
});

describe('invalid registries: exports', () => {
  test('a canonical module that does not export the name', () => {
    const config = variant((c) => (c.symbols[0].name = 'UserExecutionEngin'));
    expectRefused(config, '$.symbols[0].name', /^"src\/agents\/supervisor\/user_execution_engine" does not export "UserExecutionEngin"/);
  });

  test('the canonical module is checked through export * chains', () => {
    const config = { symbols: [{ name: 'NotThere', from: 'src/agents' }] };
    expectRefused(config, '$.symbols[0].name', /^"src\/agents" does not export "NotThere"/);
  });

  test('default must be a real default export', () => {
    expectRefused({ symbols: [{ name: 'default', from: 'src/error' }] }, '$.symbols[0].name', /does not export "default"/);
  });

  test('a construct factory that the module does not export', () => {
    const config = variant((c) => (c.symbols[0].legacy[0].construct!.factory = 'makeEngine'));
    expectRefused(config, '$.symbols[0].legacy[0].construct.factory', /does not export "makeEngine"/);
  });

  test('a canonical module that does not parse', () => {
    const extra = { 'src/broken.ts': 'export class {' };
    expectRefused({ symbols: [{ name: 'X', from: 'src/broken' }] }, '$.symbols[0].from', /^"src\/broken" cannot be parsed: .*broken\.ts:1:\d+/, extra);
  });

  test('a package whose exports cannot be listed gets the benefit of the doubt', () => {
    const extra = { 'node_modules/opaque/index.js': 'module.exports = build();' };
    expect(() => loadRegistry({ configPath: registryTree({ symbols: [{ name: 'Anything', from: 'opaque' }] }, extra).file })).not.toThrow();
  });

  test('a legacy name its module does not export is refused, with the nearest name it does export', () => {
    const config = variant((c) => (c.symbols[0].legacy[1].name = 'UserExecutionEngin'));
    expectRefused(config, '$.symbols[0].legacy[1].name',
      /^"src\/agents\/execution_engine_consolidated" does not export "UserExecutionEngin" \(expected a name the legacy module exports, .*\); did you mean "UserExecutionEngine"\?$/);
    expectRefused(variant((c) => (c.symbols[0].legacy[1].name = 'Zzz')), '$.symbols[0].legacy[1].name', /does not export "Zzz" \([^;]*\)$/);
  });

  test('a legacy name is found through export * chains and export … from, and default counts', () => {
    const config = { symbols: [
      { name: 'AppError', from: 'src/error', legacy: [{ name: 'LegacyError', from: 'src/error/legacy' }] },
      { name: 'createUserExecutionEngine', from: 'src/agents/supervisor/execution_engine_factory', legacy: [{ name: 'createUserExecutionEngine', from: 'src/agents/execution_engine_unified_factory' }] },
      { name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine', legacy: [{ name: 'default', from: 'src/old' }] },
    ] };
    const registry = loadRegistry({ configPath: registryTree(config, { 'src/old.ts': 'export default class Old {}' }).file });
    expect(registry.notes).toEqual([]);
  });

  test('a legacy module whose exports cannot be known is a note, not an error', () => {
    const extra = {
      'node_modules/opaque/index.js': 'module.exports = build();',
      'src/opaque_reexport.ts': "export * from 'opaque';",
      'src/legacy_broken.ts': 'export class {',
    };
    const config = { symbols: [{ name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine', legacy: [
      { name: 'Engine', from: 'opaque' },
      { name: 'Engine', from: 'src/opaque_reexport' },
      { name: 'Engine', from: 'src/legacy_broken' },
    ] }] };
    const { file } = registryTree(config, extra);
    const notes = loadRegistry({ configPath: file }).notes;
    expect(notes.map((n) => [n.file, n.jsonPath])).toEqual([
      [file, '$.symbols[0].legacy[0].name'],
      [file, '$.symbols[0].legacy[1].name'],
      [file, '$.symbols[0].legacy[2].name'],
    ]);
    expect(notes[0].message).toMatch(/"opaque" exports names that cannot all be listed .* so "Engine" could not be checked/);
    expect(notes[2].message).toMatch(/^"src\/legacy_broken" cannot be parsed: .*, so "Engine" could not be checked$/);
  });

  test('a worker thread\'s load of a registry just validated skips the checks against the code', () => {
    const config = variant((c) => (c.symbols[0].legacy[1].name = 'Zzz'));
    const { file } = registryTree(config);
    expect(() => loadRegistry({ configPath: file })).toThrow(/does not export "Zzz"/);
    expect(loadRegistry({ configPath: file, validated: true }).symbols[0].legacy[1].name).toBe('Zzz');
  });
});

describe('invalid registries: duplicates and contradictions', () => {
  test('a symbol listed twice', () => {
    const config = variant((c) => c.symbols.push({ name: 'UserExecutionEngine', from: './src/agents/supervisor/user_execution_engine.ts', legacy: [] }));
    expectRefused(config, '$.symbols[1]', /^symbol "UserExecutionEngine" from "\.\/src\/agents\/supervisor\/user_execution_engine\.ts" is already listed at \$\.symbols\[0\]/);
  });

  test('a legacy (name, from) pair listed twice in one symbol', () => {
    const config = variant((c) => c.symbols[0].legacy.push({ name: 'ExecutionEngine', from: 'src/agents/execution_engine_consolidated' } as never));
    expectRefused(config, '$.symbols[0].legacy[2]', /^legacy "ExecutionEngine" from "src\/agents\/execution_engine_consolidated" is already listed at \$\.symbols\[0\]\.legacy\[0\]/);
  });

  test('a legacy pair listed under two symbols', () => {
    const config = variant((c) => c.symbols.push({ name: 'AppError', from: 'src/error', legacy: [{ name: 'UserExecutionEngine', from: 'src/agents/execution_engine_consolidated' }] } as never));
    expectRefused(config, '$.symbols[1].legacy[0]', /is already listed at \$\.symbols\[0\]\.legacy\[1\]/);
  });

  test('a module moved twice', () => {
    const config = variant((c) => c.modules.push({ from: 'src/agents/execution_engine_unified_factory', to: 'src/error' }));
    expectRefused(config, '$.modules[1].from', /^"src\/agents\/execution_engine_unified_factory" is already moved by \$\.modules\[0\]/);
  });

  test('a module moved onto itself', () => {
    expectRefused({ modules: [{ from: 'src/error', to: 'src/error/index' }] }, '$.modules[0].to', /is the module being moved/);
  });

  test('a legacy entry equal to its own canonical', () => {
    const config = variant((c) => c.symbols[0].legacy.push({ name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine' } as never));
    expectRefused(config, '$.symbols[0].legacy[2]', /is the canonical symbol itself/);
  });

  test('a legacy entry that is another symbol\'s canonical', () => {
    const config = variant((c) => c.symbols.push({ name: 'AppError', from: 'src/error', legacy: [{ name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine' }] } as never));
    expectRefused(config, '$.symbols[1].legacy[0]', /^is the canonical symbol of \$\.symbols\[0\]/);
  });

  test('a move onto a module that is itself moved', () => {
    const config = { modules: [{ from: 'src/error/legacy', to: 'src/agents/execution_engine_unified_factory' }, { from: 'src/agents/execution_engine_unified_factory', to: 'src/agents/supervisor/execution_engine_factory' }] };
    expectRefused(config, '$.modules[0].to', /is itself moved by \$\.modules\[1\] \(expected the module's final home, "src\/agents\/supervisor\/execution_engine_factory"\)/);
  });

  test('a canonical module or factory module that is moved away', () => {
    const moved = { from: 'src/agents/supervisor/execution_engine_factory', to: 'src/agents/execution_engine_unified_factory' };
    const config = variant((c) => (c.modules = [moved]));
    expectRefused(config, '$.symbols[0].legacy[0].construct.from', /is moved by \$\.modules\[0\]/);
    const config2 = { modules: [{ from: 'src/error', to: 'src/error/legacy' }], symbols: [{ name: 'AppError', from: 'src/error' }] };
    expectRefused(config2, '$.symbols[0].from', /^"src\/error" is moved by \$\.modules\[0\] \(expected its new home, "src\/error\/legacy"\)/);
  });
});
