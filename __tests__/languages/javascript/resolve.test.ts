import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModuleResolver, moduleKey, type ModuleRef } from '../../../src/languages/javascript/resolve';

/** Writes files (path → content) under a fresh temporary folder; returns its real path. */
function writeTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-resolve-')));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = writeTree(files);
  roots.push(root);
  return root;
}
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function fileRef(root: string, name: string): ModuleRef {
  return { kind: 'file', path: path.join(root, name) };
}

describe('resolve: relative specifiers', () => {
  const root = tree({
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.d.ts': '',
    'src/d.js': '',
    'src/both.ts': '',
    'src/both.js': '',
    'src/esm.mts': '',
    'src/cjs.cts': '',
    'src/view.tsx': '',
    'src/data.json': '{}',
    'src/x.service.ts': '',
    'src/error/index.ts': '',
    'src/pkgdir/package.json': '{"types": "lib/main.d.ts"}',
    'src/pkgdir/lib/main.d.ts': '',
    'src/deep/user.ts': '',
  });
  const from = path.join(root, 'src/deep/user.ts');
  const resolver = new ModuleResolver({ root });
  const resolve = (specifier: string) => resolver.resolve(specifier, from);

  test.each([
    ['../a', 'src/a.ts'],
    ['../b', 'src/b.tsx'],
    ['../c', 'src/c.d.ts'],
    ['../d', 'src/d.js'],
    ['../both', 'src/both.ts'],
    ['../both.js', 'src/both.ts'],
    ['../a.js', 'src/a.ts'],
    ['../view.jsx', 'src/view.tsx'],
    ['../view.js', 'src/view.tsx'],
    ['../esm.mjs', 'src/esm.mts'],
    ['../cjs.cjs', 'src/cjs.cts'],
    ['../d.js', 'src/d.js'],
    ['../a.ts', 'src/a.ts'],
    ['../data.json', 'src/data.json'],
    ['../x.service', 'src/x.service.ts'],
    ['../error', 'src/error/index.ts'],
    ['../error/', 'src/error/index.ts'],
    ['../error/index', 'src/error/index.ts'],
    ['../error/index.js', 'src/error/index.ts'],
    ['../pkgdir', 'src/pkgdir/lib/main.d.ts'],
    ['./user', 'src/deep/user.ts'],
    ['..', null],
  ])('%s → %s', (specifier, expected) => {
    expect(resolve(specifier)).toEqual(expected ? fileRef(root, expected) : null);
  });

  test('a relative specifier that leads to no file resolves to null', () => {
    expect(resolve('../missing')).toBeNull();
    expect(resolve('./a')).toBeNull();
  });

  test('an absolute specifier is a path', () => {
    expect(resolve(path.join(root, 'src/a'))).toEqual(fileRef(root, 'src/a.ts'));
  });

  test('results are stable objects for the same question (cached)', () => {
    expect(resolve('../a')).toBe(resolve('../a'));
  });
});

describe('resolve: links are followed to the real file', () => {
  const root = tree({ 'real/mod.ts': '', 'src/user.ts': '' });
  fs.symlinkSync(path.join(root, 'real'), path.join(root, 'src/linked'), 'dir');
  const resolver = new ModuleResolver({ root });

  test('a module reached through a link has the identity of its real file', () => {
    const ref = resolver.resolve('./linked/mod', path.join(root, 'src/user.ts'));
    expect(ref).toEqual(fileRef(root, 'real/mod.ts'));
    expect(moduleKey(ref!)).toBe(moduleKey(resolver.moduleOfFile(path.join(root, 'src/linked/mod.ts'))));
  });
});

describe('resolve: packages', () => {
  const root = tree({ 'src/user.ts': '' });
  const resolver = new ModuleResolver({ root });
  const from = path.join(root, 'src/user.ts');

  test.each(['lodash', 'lodash/fp', '@netra/engine', '@netra/engine/sub/path', 'node:fs'])('%s stays a package, subpath kept', (name) => {
    expect(resolver.resolve(name, from)).toEqual({ kind: 'package', name });
  });

  test('moduleKey tells packages from files', () => {
    expect(moduleKey({ kind: 'package', name: 'lodash/fp' })).toBe('pkg:lodash/fp');
    expect(moduleKey({ kind: 'file', path: '/x/a.ts' })).toBe('/x/a.ts');
  });
});

describe('resolve: tsconfig paths and baseUrl', () => {
  const root = tree({
    'config/tsconfig.base.json': JSON.stringify({
      compilerOptions: {
        baseUrl: '..',
        paths: {
          '@app/*': ['generated/*', 'src/*'],
          '@app/special/*': ['special/*'],
          '@error': ['src/error/index.ts'],
        },
      },
    }),
    'tsconfig.json': JSON.stringify({ extends: './config/tsconfig.base.json' }),
    'src/agents/engine.ts': '',
    'src/error/index.ts': '',
    'src/root-level.ts': '',
    'generated/only-generated.ts': '',
    'special/thing.ts': '',
    'src/user.ts': '',
  });
  const resolver = new ModuleResolver({ root, tsconfigPath: path.join(root, 'tsconfig.json') });
  const from = path.join(root, 'src/user.ts');

  test('a wildcard alias from an extended tsconfig tries its targets in order', () => {
    expect(resolver.resolve('@app/agents/engine', from)).toEqual(fileRef(root, 'src/agents/engine.ts'));
    expect(resolver.resolve('@app/only-generated', from)).toEqual(fileRef(root, 'generated/only-generated.ts'));
  });

  test('the longest matching prefix wins', () => {
    expect(resolver.resolve('@app/special/thing', from)).toEqual(fileRef(root, 'special/thing.ts'));
  });

  test('an exact alias', () => {
    expect(resolver.resolve('@error', from)).toEqual(fileRef(root, 'src/error/index.ts'));
  });

  test('baseUrl (relative to the config that set it) resolves non-relative specifiers that name a file', () => {
    expect(resolver.resolve('src/agents/engine', from)).toEqual(fileRef(root, 'src/agents/engine.ts'));
    expect(resolver.resolve('src/error', from)).toEqual(fileRef(root, 'src/error/index.ts'));
  });

  test('anything else non-relative is a package, even under a matching alias', () => {
    expect(resolver.resolve('react', from)).toEqual({ kind: 'package', name: 'react' });
    expect(resolver.resolve('@app/nothing-here', from)).toEqual({ kind: 'package', name: '@app/nothing-here' });
  });

  test('paths without baseUrl are relative to the config that declares them', () => {
    const root2 = tree({
      'base/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['../src/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './base/tsconfig.json' }),
      'src/lib/util.ts': '',
      'src/user.ts': '',
    });
    const r = new ModuleResolver({ root: root2, tsconfigPath: path.join(root2, 'tsconfig.json') });
    expect(r.resolve('~/lib/util', path.join(root2, 'src/user.ts'))).toEqual(fileRef(root2, 'src/lib/util.ts'));
    // No baseUrl: a bare path is a package even if a file of that name exists under root.
    expect(r.resolve('src/lib/util', path.join(root2, 'src/user.ts'))).toEqual({ kind: 'package', name: 'src/lib/util' });
  });

  test('aliasesHidingFileNames lists the paths keys without a wildcard', () => {
    expect(resolver.aliasesHidingFileNames()).toEqual(['@error']);
    expect(new ModuleResolver({ root }).aliasesHidingFileNames()).toEqual([]);
  });

  test('a missing tsconfig makes the constructor throw', () => {
    expect(() => new ModuleResolver({ root, tsconfigPath: path.join(root, 'nope.json') })).toThrow();
  });
});

describe('resolveRegistryName', () => {
  const root = tree({
    'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./lib/*'] } } }),
    'src/agents/execution_engine_consolidated.ts': '',
    'src/error/index.ts': '',
    'src/legacy.js': '',
    'config.ts': '',
    'lib/shared.ts': '',
  });
  const resolver = new ModuleResolver({ root, tsconfigPath: path.join(root, 'tsconfig.json') });

  test.each([
    ['src/agents/execution_engine_consolidated', 'src/agents/execution_engine_consolidated.ts'],
    ['./src/agents/execution_engine_consolidated', 'src/agents/execution_engine_consolidated.ts'],
    ['src/agents/execution_engine_consolidated.ts', 'src/agents/execution_engine_consolidated.ts'],
    ['src/error', 'src/error/index.ts'],
    ['src/legacy.js', 'src/legacy.js'],
    ['src/legacy', 'src/legacy.js'],
    ['config', 'config.ts'],
    ['@lib/shared', 'lib/shared.ts'],
  ])('%s is the file %s', (name, file) => {
    expect(resolver.resolveRegistryName(name)).toEqual(fileRef(root, file));
  });

  test.each(['@netra/engine', 'lodash/fp', 'lodash'])('%s is a package', (name) => {
    expect(resolver.resolveRegistryName(name)).toEqual({ kind: 'package', name });
  });

  test('a path whose first folder exists but leads to no file is null', () => {
    expect(resolver.resolveRegistryName('src/nope')).toBeNull();
    expect(resolver.resolveRegistryName('./nope')).toBeNull();
  });

  test('a path leaving the root is null', () => {
    const inner = tree({ 'app/x.ts': '', 'outside.ts': '' });
    const r = new ModuleResolver({ root: path.join(inner, 'app') });
    expect(r.resolveRegistryName('../outside')).toBeNull();
    expect(r.resolveRegistryName(path.join(inner, 'outside'))).toBeNull();
    expect(r.resolveRegistryName('x')).toEqual(fileRef(inner, 'app/x.ts'));
  });
});

describe('specifierFor: relative style', () => {
  const root = tree({
    'src/agents/supervisor/user_execution_engine.ts': '',
    'src/agents/execution_engine_consolidated.ts': '',
    'src/agents/consumer.ts': '',
    'src/agents/view.tsx': '',
    'src/agents/types.d.ts': '',
    'src/agents/plain.js': '',
    'src/agents/esm.mts': '',
    'src/agents/common.cts': '',
    'src/agents/data.json': '',
    'src/error/index.ts': '',
    'src/shadowed/index.ts': '',
    'src/shadowed.ts': '',
    'src/feature/user.ts': '',
    'src/feature/index.ts': '',
  });
  const resolver = new ModuleResolver({ root });
  const from = path.join(root, 'src/agents/consumer.ts');
  const target = (name: string) => fileRef(root, name);

  test('no style: relative, extensionless, index as its directory', () => {
    expect(resolver.specifierFor(target('src/agents/supervisor/user_execution_engine.ts'), from)).toBe(
      './supervisor/user_execution_engine',
    );
    expect(resolver.specifierFor(target('src/error/index.ts'), from)).toBe('../error');
    expect(resolver.specifierFor(target('src/agents/execution_engine_consolidated.ts'), from)).toBe(
      './execution_engine_consolidated',
    );
  });

  test('extensionless style stays extensionless for every omittable extension', () => {
    const style = '../old/thing';
    expect(resolver.specifierFor(target('src/agents/view.tsx'), from, style)).toBe('./view');
    expect(resolver.specifierFor(target('src/agents/types.d.ts'), from, style)).toBe('./types');
    expect(resolver.specifierFor(target('src/agents/plain.js'), from, style)).toBe('./plain');
  });

  test('.mts/.cts need their compiled extension even in extensionless style; other files keep theirs', () => {
    expect(resolver.specifierFor(target('src/agents/esm.mts'), from, './x')).toBe('./esm.mjs');
    expect(resolver.specifierFor(target('src/agents/common.cts'), from, './x')).toBe('./common.cjs');
    expect(resolver.specifierFor(target('src/agents/data.json'), from, './x')).toBe('./data.json');
  });

  test('.js style writes compiled names', () => {
    const style = './execution_engine_consolidated.js';
    expect(resolver.specifierFor(target('src/agents/supervisor/user_execution_engine.ts'), from, style)).toBe(
      './supervisor/user_execution_engine.js',
    );
    expect(resolver.specifierFor(target('src/agents/view.tsx'), from, style)).toBe('./view.js');
    expect(resolver.specifierFor(target('src/agents/esm.mts'), from, style)).toBe('./esm.mjs');
    expect(resolver.specifierFor(target('src/agents/common.cts'), from, style)).toBe('./common.cjs');
    expect(resolver.specifierFor(target('src/agents/types.d.ts'), from, style)).toBe('./types.js');
  });

  test('.js style names an index file in full: ESM does not resolve directories', () => {
    expect(resolver.specifierFor(target('src/error/index.ts'), from, './old.js')).toBe('../error/index.js');
  });

  test('.ts style (allowImportingTsExtensions) writes source names', () => {
    expect(resolver.specifierFor(target('src/agents/view.tsx'), from, './old.ts')).toBe('./view.tsx');
    expect(resolver.specifierFor(target('src/error/index.ts'), from, './old.ts')).toBe('../error/index.ts');
  });

  test('an index stays written as index when the file writes /index itself', () => {
    expect(resolver.specifierFor(target('src/error/index.ts'), from, '../legacy/index')).toBe('../error/index');
    expect(resolver.specifierFor(target('src/error/index.ts'), from, '../legacy/index.js')).toBe('../error/index.js');
  });

  test('a directory shadowed by a sibling file is written with /index', () => {
    expect(resolver.specifierFor(target('src/shadowed/index.ts'), from)).toBe('../shadowed/index');
  });

  test('own directory and parent directory indexes', () => {
    const user = path.join(root, 'src/feature/user.ts');
    expect(resolver.specifierFor(target('src/feature/index.ts'), user)).toBe('.');
    const nested = path.join(root, 'src/error/deeper/file.ts');
    expect(resolver.specifierFor(target('src/error/index.ts'), nested)).toBe('..');
  });

  test('a package target is its name whatever the style', () => {
    expect(resolver.specifierFor({ kind: 'package', name: '@netra/engine/sub' }, from, './old.js')).toBe('@netra/engine/sub');
  });

  test('every written specifier resolves back to its target', () => {
    for (const name of ['src/agents/view.tsx', 'src/error/index.ts', 'src/shadowed/index.ts', 'src/agents/esm.mts']) {
      for (const style of [undefined, './a', './a.js', './a/index', './a.ts']) {
        const specifier = resolver.specifierFor(target(name), from, style);
        expect(resolver.resolve(specifier, from)).toEqual(target(name));
      }
    }
  });
});

describe('specifierFor: tsconfig alias and baseUrl styles', () => {
  const root = tree({
    'tsconfig.base.json': JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        paths: { '@agents/*': ['src/agents/*'], '@app/*': ['src/*'], '@error': ['src/error/index.ts'] },
      },
    }),
    'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
    'src/agents/supervisor/user_execution_engine.ts': '',
    'src/agents/execution_engine_consolidated.ts': '',
    'src/error/index.ts': '',
    'src/feature/consumer.ts': '',
    'outside/elsewhere.ts': '',
  });
  const resolver = new ModuleResolver({ root, tsconfigPath: path.join(root, 'tsconfig.json') });
  const from = path.join(root, 'src/feature/consumer.ts');
  const engine = fileRef(root, 'src/agents/supervisor/user_execution_engine.ts');

  test('alias style keeps the pattern the old specifier used', () => {
    expect(resolver.specifierFor(engine, from, '@app/agents/execution_engine_consolidated')).toBe(
      '@app/agents/supervisor/user_execution_engine',
    );
    expect(resolver.specifierFor(engine, from, '@agents/execution_engine_consolidated')).toBe(
      '@agents/supervisor/user_execution_engine',
    );
  });

  test('alias style keeps the extension style', () => {
    expect(resolver.specifierFor(engine, from, '@app/agents/execution_engine_consolidated.js')).toBe(
      '@app/agents/supervisor/user_execution_engine.js',
    );
  });

  test('alias style with an index target: directory, or /index when the file writes it', () => {
    const error = fileRef(root, 'src/error/index.ts');
    expect(resolver.specifierFor(error, from, '@agents/execution_engine_consolidated')).toBe('@error');
    expect(resolver.specifierFor(error, from, '@app/legacy/index')).toBe('@app/error/index');
  });

  test('an alias that no longer resolves still marks the alias style', () => {
    expect(resolver.specifierFor(engine, from, '@app/deleted/module')).toBe('@app/agents/supervisor/user_execution_engine');
  });

  test('alias style falls back to relative when no pattern can express the target', () => {
    expect(resolver.specifierFor(fileRef(root, 'outside/elsewhere.ts'), from, '@app/x')).toBe('../../outside/elsewhere');
  });

  test('baseUrl style writes paths from baseUrl', () => {
    expect(resolver.specifierFor(engine, from, 'src/agents/execution_engine_consolidated')).toBe(
      'src/agents/supervisor/user_execution_engine',
    );
    expect(resolver.specifierFor(fileRef(root, 'src/error/index.ts'), from, 'src/agents/execution_engine_consolidated')).toBe(
      'src/error',
    );
  });

  test('relative style stays relative even when aliases exist', () => {
    expect(resolver.specifierFor(engine, from, '../agents/execution_engine_consolidated')).toBe(
      '../agents/supervisor/user_execution_engine',
    );
    expect(resolver.specifierFor(engine, from)).toBe('../agents/supervisor/user_execution_engine');
  });

  test('a package style gives a relative specifier for a file target', () => {
    expect(resolver.specifierFor(engine, from, '@netra/engine')).toBe('../agents/supervisor/user_execution_engine');
  });
});
