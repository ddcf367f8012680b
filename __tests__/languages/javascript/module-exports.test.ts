import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPackageDirectory, ModuleReadError, readModuleExports } from '../../../src/languages/javascript/module-exports';
import { ModuleResolver, type ModuleRef } from '../../../src/languages/javascript/resolve';
import * as parse from '../../../src/languages/javascript/parse';
import { loadRegistry } from '../../../src/registry/load';
import { PROJECT } from '../../helpers/fixtures';
import { removeTempDirs, tempTree } from '../../helpers/temp-repo';

/** Exported names of a module; null if its file cannot be found, read or parsed. */
function exportedNames(ref: ModuleRef, resolver: ModuleResolver): Set<string> | null {
  try {
    return readModuleExports(ref, resolver)?.names ?? null;
  } catch (error) {
    if (error instanceof ModuleReadError) return null;
    throw error;
  }
}

const tree = (files: Record<string, string>): string => tempTree(files, 'ssot-exports-');
afterAll(removeTempDirs);

function namesOf(files: Record<string, string>, entry: string): string[] | null {
  const root = tree(files);
  const names = exportedNames({ kind: 'file', path: path.join(root, entry) }, new ModuleResolver({ root }));
  return names ? [...names].sort() : null;
}

describe('ESM and TypeScript declarations', () => {
  test('every kind of exported declaration', () => {
    const source = `
      export class Klass {}
      export abstract class Abstract {}
      export function fn() {}
      export async function* gen() {}
      export const c = 1, c2 = 2;
      export let l;
      export var v;
      export enum E { A }
      export const enum CE { A }
      export type T = string;
      export interface I {}
      export namespace N { export const inner = 1; }
      export declare function declared(): void;
      export declare const dc: number;
      export import Alias = N.inner;
      declare module 'ambient' { export const notMine: number; }
      declare global { interface Window { notMineEither: string } }
      const local = 1;
      function notExported() {}
    `;
    expect(namesOf({ 'm.ts': source }, 'm.ts')).toEqual(
      ['Abstract', 'Alias', 'CE', 'E', 'I', 'Klass', 'N', 'T', 'c', 'c2', 'dc', 'declared', 'fn', 'gen', 'l', 'v'].sort(),
    );
  });

  test('destructuring patterns export every binding', () => {
    const source = `export const { a, b: renamed, c: [d, , ...e], f = 1, ...rest } = obj; export const [g, { h }] = arr;`;
    expect(namesOf({ 'm.js': source }, 'm.js')).toEqual(['a', 'd', 'e', 'f', 'g', 'h', 'renamed', 'rest']);
  });

  test('export lists, renames, string names, type exports', () => {
    const source = `
      const a = 1, b = 2; type Local = 1;
      export { a, b as bee, a as 'string name' };
      export type { Local };
    `;
    expect(namesOf({ 'm.ts': source }, 'm.ts')).toEqual(['Local', 'a', 'bee', 'string name']);
  });

  test('default exports of every shape', () => {
    expect(namesOf({ 'a.ts': 'export default class {}' }, 'a.ts')).toEqual(['default']);
    expect(namesOf({ 'b.ts': 'export default function named() {}' }, 'b.ts')).toEqual(['default']);
    expect(namesOf({ 'c.ts': 'export default 42;' }, 'c.ts')).toEqual(['default']);
    expect(namesOf({ 'd.ts': 'export default interface Shape {}' }, 'd.ts')).toEqual(['default']);
    expect(namesOf({ 'e.ts': 'const x = 1; export { x as default };' }, 'e.ts')).toEqual(['default']);
  });

  test('a .d.ts file', () => {
    const source = 'export declare class Engine {}\nexport declare const version: string;\nexport default Engine;';
    expect(namesOf({ 'types.d.ts': source }, 'types.d.ts')).toEqual(['Engine', 'default', 'version']);
  });

  test('decorated classes and JSX parse', () => {
    expect(namesOf({ 'a.ts': '@Injectable() export class Service {}' }, 'a.ts')).toEqual(['Service']);
    expect(namesOf({ 'v.tsx': 'export const View = <T,>() => <div />;' }, 'v.tsx')).toEqual(['View']);
  });
});

describe('re-exports', () => {
  test('export { x } from, export { default as y } from, export * as ns from', () => {
    const files = {
      'barrel.ts': `
        export { one, two as deux } from './impl';
        export { default as Impl, default } from './impl';
        export * as ns from './impl';
        export type { Shape } from './impl';
      `,
      'impl.ts': 'export const one = 1, two = 2; export type Shape = {}; export default class {}',
    };
    expect(namesOf(files, 'barrel.ts')).toEqual(['Impl', 'Shape', 'default', 'deux', 'ns', 'one']);
  });

  test('export * follows chains, skips default, and is written with .js for .ts files', () => {
    const files = {
      'index.ts': "export * from './level1.js';\nexport const own = 1;",
      'level1.ts': "export * from './level2';\nexport const first = 1;\nexport default 'skipped';",
      'level2/index.ts': 'export class Deep {}\nexport default class AlsoSkipped {}',
    };
    expect(namesOf(files, 'index.ts')).toEqual(['Deep', 'first', 'own']);
  });

  test('export * cycles terminate with the union of both modules', () => {
    const files = {
      'a.ts': "export * from './b'; export const fromA = 1;",
      'b.ts': "export * from './a'; export const fromB = 1;",
    };
    expect(namesOf(files, 'a.ts')).toEqual(['fromA', 'fromB']);
    expect(namesOf(files, 'b.ts')).toEqual(['fromA', 'fromB']);
  });

  test('an export * that cannot be followed makes the list incomplete, not wrong', () => {
    const root = tree({ 'm.ts': "export * from './missing'; export * from 'not-installed'; export const known = 1;" });
    const result = readModuleExports({ kind: 'file', path: path.join(root, 'm.ts') }, new ModuleResolver({ root }));
    expect(result).toEqual({ names: new Set(['known']), complete: false });
  });

  test('a fully followed chain is complete', () => {
    const root = tree({ 'm.ts': "export * from './n';", 'n.ts': 'export const x = 1;' });
    const result = readModuleExports({ kind: 'file', path: path.join(root, 'm.ts') }, new ModuleResolver({ root }));
    expect(result).toEqual({ names: new Set(['x']), complete: true });
  });

  test('re-exports through tsconfig paths', () => {
    const root = tree({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } }),
      'm.ts': "export * from '@lib/thing';",
      'lib/thing.ts': 'export function thing() {}',
    });
    const resolver = new ModuleResolver({ root, tsconfigPath: path.join(root, 'tsconfig.json') });
    expect(exportedNames({ kind: 'file', path: path.join(root, 'm.ts') }, resolver)).toEqual(new Set(['thing']));
  });
});

describe('TypeScript export = and CommonJS', () => {
  test('export = an object literal', () => {
    expect(namesOf({ 'm.ts': 'const A = 1; export = { A, B: 2 };' }, 'm.ts')).toEqual(['A', 'B', 'default']);
  });

  test('export = an identifier is incomplete', () => {
    const root = tree({ 'm.d.ts': 'declare namespace Lib { const x: number }\nexport = Lib;' });
    const result = readModuleExports({ kind: 'file', path: path.join(root, 'm.d.ts') }, new ModuleResolver({ root }));
    expect(result).toEqual({ names: new Set(['default']), complete: false });
  });

  test('module.exports = { … } in a JS file', () => {
    const source = "const A = 1; function B() {}\nmodule.exports = { A, B, 'C': 3, d() {} };";
    expect(namesOf({ 'm.js': source }, 'm.js')).toEqual(['A', 'B', 'C', 'd', 'default']);
  });

  test('exports.X, module.exports.X and chained assignments', () => {
    const source = "exports.a = exports.b = void 0;\nexports.a = 1;\nmodule.exports.c = 2;\nmodule.exports['d'] = 3;";
    expect(namesOf({ 'm.cjs': source }, 'm.cjs')).toEqual(['a', 'b', 'c', 'd', 'default']);
  });

  test('compiled ESM: __esModule, defineProperty and __exportStar', () => {
    const source = `"use strict";
      Object.defineProperty(exports, "__esModule", { value: true });
      exports.Engine = void 0;
      Object.defineProperty(exports, "Reexported", { enumerable: true, get: function () { return x.Reexported; } });
      __exportStar(require("./more"), exports);
      exports.default = Engine;`;
    const files = { 'dist/index.js': source, 'dist/more.js': 'exports.More = 1;' };
    expect(namesOf(files, 'dist/index.js')).toEqual(['Engine', 'More', 'Reexported', 'default']);
  });

  test('module.exports = require() re-exports the other module', () => {
    const files = { 'm.js': "module.exports = require('./impl');", 'impl.js': 'exports.Thing = 1;' };
    expect(namesOf(files, 'm.js')).toEqual(['Thing', 'default']);
  });

  test('module.exports of an opaque value is incomplete', () => {
    const root = tree({ 'm.js': 'module.exports = makeApi();' });
    const result = readModuleExports({ kind: 'file', path: path.join(root, 'm.js') }, new ModuleResolver({ root }));
    expect(result?.complete).toBe(false);
  });

  test('CommonJS patterns are not read in TypeScript files', () => {
    expect(namesOf({ 'm.ts': 'exports.a = 1; export const b = 2;' }, 'm.ts')).toEqual(['b']);
  });
});

describe('packages', () => {
  const root = tree({
    'node_modules/typed/package.json': JSON.stringify({ name: 'typed', main: 'dist/index.js', types: 'dist/index.d.ts' }),
    'node_modules/typed/dist/index.d.ts': 'export declare class Typed {}',
    'node_modules/typed/dist/index.js': 'exports.Wrong = 1;',
    'node_modules/typed/fp.d.ts': 'export declare const map: unknown;',
    'node_modules/mainonly/package.json': JSON.stringify({ main: './lib/main' }),
    'node_modules/mainonly/lib/main.js': 'exports.fromMain = 1;',
    'node_modules/@scope/exp/package.json': JSON.stringify({
      exports: { '.': { types: './types/index.d.ts', default: './dist/index.js' }, './feature/*': { import: './dist/feature/*.mjs' } },
    }),
    'node_modules/@scope/exp/types/index.d.ts': 'export declare function scoped(): void;',
    'node_modules/@scope/exp/dist/feature/x.mjs': 'export const featureX = 1;',
    'node_modules/untyped/index.js': 'module.exports = something();',
    'node_modules/@types/untyped/index.d.ts': 'export declare const fromTypes: number;',
    'node_modules/@types/typesonly/index.d.ts': 'export declare const onlyTypes: number;',
    'src/user.ts': '',
  });
  const resolver = new ModuleResolver({ root });
  const names = (name: string) => {
    const result = exportedNames({ kind: 'package', name }, resolver);
    return result ? [...result].sort() : null;
  };

  test('types / typings win over main', () => expect(names('typed')).toEqual(['Typed']));
  test('a subpath file', () => expect(names('typed/fp')).toEqual(['map']));
  test('main without extension', () => expect(names('mainonly')).toEqual(['default', 'fromMain']));
  test('exports conditions, types first', () => expect(names('@scope/exp')).toEqual(['scoped']));
  test('exports subpath patterns', () => expect(names('@scope/exp/feature/x')).toEqual(['featureX']));
  test('a package with only @types', () => expect(names('typesonly')).toEqual(['onlyTypes']));
  test('@types win over an untyped package\'s code', () => expect(names('untyped')).toEqual(['fromTypes']));
  test('not installed, or a built-in: null', () => {
    expect(names('not-installed')).toBeNull();
    expect(names('node:fs')).toBeNull();
  });

  test('findPackageDirectory searches upward and falls back to @types', () => {
    expect(findPackageDirectory('typed/fp', path.join(root, 'src'))).toBe(path.join(root, 'node_modules/typed'));
    expect(findPackageDirectory('typesonly', root)).toBe(path.join(root, 'node_modules/@types/typesonly'));
    expect(findPackageDirectory('fs', root)).toBeNull();
    expect(findPackageDirectory('absent', root)).toBeNull();
  });

  test('export * from a package goes through its entry file', () => {
    fs.writeFileSync(path.join(root, 'src/barrel.ts'), "export * from 'typed';\nexport * from '@scope/exp';");
    const ref: ModuleRef = { kind: 'file', path: path.join(root, 'src/barrel.ts') };
    expect(readModuleExports(ref, new ModuleResolver({ root }))).toEqual({ names: new Set(['Typed', 'scoped']), complete: true });
  });
});

describe('unreadable modules', () => {
  test('a missing file gives null', () => {
    const root = tree({});
    expect(exportedNames({ kind: 'file', path: path.join(root, 'none.ts') }, new ModuleResolver({ root }))).toBeNull();
  });

  test('a file that does not parse gives null, and readModuleExports says why', () => {
    const root = tree({ 'bad.ts': 'export const = ;' });
    const ref: ModuleRef = { kind: 'file', path: path.join(root, 'bad.ts') };
    const resolver = new ModuleResolver({ root });
    expect(exportedNames(ref, resolver)).toBeNull();
    expect(() => readModuleExports(ref, resolver)).toThrow(ModuleReadError);
    expect(() => readModuleExports(ref, resolver)).toThrow(/bad\.ts:1:\d+/);
  });

  test('an unparseable module behind export * only makes the list incomplete', () => {
    const root = tree({ 'm.ts': "export * from './bad'; export const ok = 1;", 'bad.ts': 'export const = ;' });
    const result = readModuleExports({ kind: 'file', path: path.join(root, 'm.ts') }, new ModuleResolver({ root }));
    expect(result).toEqual({ names: new Set(['ok']), complete: false });
  });
});

describe('one parse for a module\'s exports and what it loads', () => {
  test('an import cycle check of a registry module reads the specifiers its exports were read with', () => {
    const registry = loadRegistry({ configPath: path.join(PROJECT, 'ssot.config.json') });
    const factory: ModuleRef = { kind: 'file', path: path.join(PROJECT, 'src', 'agents', 'supervisor', 'execution_engine_factory.ts') };
    expect(registry.resolver.exports(factory)?.names.has('createUserExecutionEngine')).toBe(true);
    const parses = jest.spyOn(parse, 'parseSource');
    try {
      const loaded = registry.resolver.imports(factory).map((ref) => (ref.kind === 'file' ? path.relative(PROJECT, ref.path) : ref.name));
      expect(loaded).toEqual([path.join('src', 'agents', 'supervisor', 'user_execution_engine.ts')]);
      expect(parses).not.toHaveBeenCalled();
    } finally {
      parses.mockRestore();
    }
  });
});

test('a module too deep to scan for what it loads still has its exports read', () => {
  // The comment makes the scan for require() calls walk the whole file, and the chain is deeper than the stack.
  const chain = `${'zz'}${'.a'.repeat(100_000)}`;
  const root = tree({ 'deep.ts': `// require\ndeclare const zz: any;\nexport const deep = ${chain};\nexport class Kept {}\n` });
  const resolver = new ModuleResolver({ root });
  expect([...readModuleExports({ kind: 'file', path: path.join(root, 'deep.ts') }, resolver)!.names].sort()).toEqual(['Kept', 'deep']);
});
