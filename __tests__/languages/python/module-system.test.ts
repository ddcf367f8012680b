/**
 * Python modules in the registry: named dotted or by path, resolved from import roots (the `python`
 * section, pyproject.toml, a src/ layout, or the registry's folder), their exports read from source
 * (module-level names, star-import chains, `__all__`, `__getattr__`), written back absolute or relative.
 * One registry may name JavaScript and Python modules; an entry never maps across the two.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry, RegistryError, DEFAULT_INCLUDE } from '../../../src/registry/load';
import type { Registry } from '../../../src/registry/types';
import { moduleKey } from '../../../src/languages/language';
import { removeTempDirs, tempTree } from '../../helpers/temp-repo';

afterAll(removeTempDirs);

const ENGINE = 'class UserExecutionEngine:\n    pass\n\n\ndef create_user_execution_engine(ctx):\n    return UserExecutionEngine()\n';

function load(files: Record<string, string>, config: object): Registry {
  const root = tempTree({ 'ssot.config.json': JSON.stringify(config), ...files });
  return loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
}

function refusal(files: Record<string, string>, config: object): string {
  try {
    load(files, config);
  } catch (error) {
    if (error instanceof RegistryError) return error.message.replace(/^.*ssot\.config\.json: /, '');
    throw error;
  }
  throw new Error('the registry loaded');
}

const symbol = (from: string, name = 'UserExecutionEngine') => ({ symbols: [{ name, from }] });

describe('Python module names in the registry', () => {
  const files = {
    'app/__init__.py': '',
    'app/engine.py': ENGINE,
    'app/pkg/__init__.py': 'from ..engine import UserExecutionEngine\n',
    'app/stub_only.pyi': 'class UserExecutionEngine: ...\n',
    'app/ns/engine.py': ENGINE,
  };

  it.each([
    ['app.engine', 'app/engine.py'],
    ['app/engine', 'app/engine.py'],
    ['app/engine.py', 'app/engine.py'],
    ['app.pkg', 'app/pkg/__init__.py'],
    ['app/pkg', 'app/pkg/__init__.py'],
    ['app.stub_only', 'app/stub_only.pyi'],
    ['app.ns.engine', 'app/ns/engine.py'],
  ])('%s names %s', (name, file) => {
    const registry = load(files, symbol(name));
    expect(moduleKey(registry.symbols[0].module)).toBe(path.join(registry.root, file));
    expect(registry.resolver.systemOf(registry.symbols[0].module).language.id).toBe('python');
  });

  it('defaults include to JavaScript\'s and Python\'s files', () => {
    expect(DEFAULT_INCLUDE).toEqual(['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', '**/*.py', '**/*.pyi']);
    expect(load(files, symbol('app.engine')).include).toEqual(DEFAULT_INCLUDE);
  });

  it('refuses a dotted name that names nothing, naming the roots, and a .py path that is no file', () => {
    // A dotted name may also be a JavaScript package's: both languages say why it is not theirs.
    expect(refusal(files, symbol('app.nope'))).toBe(
      '$.symbols[0].from: JS/TS: "app.nope" is neither a file under the registry\'s folder nor an installed package (expected a module path relative to the registry\'s folder, without extension, or a package name); Python: "app.nope" names no module under the import roots (.) (expected a dotted module name from an import root, or a module path relative to the registry\'s folder)',
    );
    expect(refusal(files, symbol('app/nope.py'))).toMatch(
      /; Python: "app\/nope\.py" is no file \(expected a dotted module name from an import root, or a module path relative to the registry's folder\)$/,
    );
    // A path without extension that names no Python module is left to JavaScript to explain.
    expect(refusal(files, symbol('app/nope'))).toBe(
      '$.symbols[0].from: "app/nope" resolves to no file (expected a module path relative to the registry\'s folder, without extension, or a package name)',
    );
  });

  it('checks that a canonical module exports the name, in Python\'s words', () => {
    expect(refusal(files, symbol('app.engine', 'Nope'))).toBe(
      '$.symbols[0].name: "app.engine" does not export "Nope" (expected a name the canonical module exports, directly or through imports, from … import * chains and __all__)',
    );
  });

  it('refuses a module that does not parse, as Python', () => {
    expect(refusal({ ...files, 'app/broken.py': 'from x import (a,\n' }, symbol('app.broken'))).toMatch(
      /^\$\.symbols\[0\]\.from: "app\.broken" cannot be parsed: \S*app\/broken\.py:1:15: "\(" was not closed \(expected the canonical module to be valid Python\)$/,
    );
  });
});

describe('exports', () => {
  const exported = (files: Record<string, string>, from: string, name: string) => () => load(files, symbol(from, name));

  it('are the module-level names, wherever they are bound at that level, and the names imports bind', () => {
    const files = {
      'm.py': [
        'import os.path', 'from x import (a as b)', 'try:', '    import fast as speed', 'except ImportError:', '    speed = None',
        'if True:', '    LEVEL = 1', 'else:', '    LEVEL = 2', 'for i, (j, *k) in []:', '    pass', 'with open("f") as handle:', '    pass',
        'class C:', '    inner = 1', 'def f():', '    local = 1', 'x: int', 'type Alias = int', '',
      ].join('\n'),
    };
    for (const name of ['os', 'b', 'speed', 'LEVEL', 'i', 'j', 'k', 'handle', 'C', 'f', 'Alias']) expect(exported(files, 'm', name)).not.toThrow();
    for (const name of ['a', 'inner', 'local', 'x', 'path', '__all__']) expect(exported(files, 'm', name)).toThrow(RegistryError);
  });

  it('follow `from x import *` chains: x\'s __all__, else its public names', () => {
    const files = {
      'pkg/__init__.py': 'from .a import *\n',
      'pkg/a.py': 'from .b import *\n_private = 1\npublic_a = 1\n',
      'pkg/b.py': '__all__ = ["listed", "_underscored"]\nlisted = 1\n_underscored = 2\nunlisted = 3\n',
    };
    // a has b's __all__, underscored name included; pkg has a's public names only (a has no __all__).
    for (const name of ['listed', '_underscored', 'public_a']) expect(exported(files, 'pkg.a', name)).not.toThrow();
    for (const name of ['public_a', 'listed']) expect(exported(files, 'pkg', name)).not.toThrow();
    for (const name of ['_private', '_underscored', 'unlisted']) expect(exported(files, 'pkg', name)).toThrow(RegistryError);
  });

  it('are open-ended with a module-level __getattr__ or a star import of a module we cannot read: accepted with a note', () => {
    expect(exported({ 'lazy.py': 'def __getattr__(name):\n    raise AttributeError(name)\n' }, 'lazy', 'Anything')).not.toThrow();
    expect(exported({ 'star.py': 'from os.path import *\n' }, 'star', 'join')).not.toThrow();
    const registry = load({ 'lazy.py': 'def __getattr__(name):\n    raise AttributeError(name)\n' }, symbol('lazy', 'Anything'));
    expect(registry.notes.map((n) => `${n.jsonPath}: ${n.message}`)).toEqual([
      '$.symbols[0].name: "lazy" exports names that cannot all be listed (a module-level __getattr__, or a from … import * that cannot be followed), so "Anything" could not be checked',
    ]);
  });
});

describe('import roots', () => {
  const rootsOf = (files: Record<string, string>, config: object = {}) => {
    const registry = load(files, { ...config, ...symbol('pkg.engine') });
    return registry.resolver.specifierFor(registry.symbols[0].module, path.join(registry.root, 'elsewhere', 'x.py'));
  };

  it.each([
    ['setuptools package-dir', { 'pyproject.toml': '[tool.setuptools]\npackage-dir = {"" = "lib"}\n' }],
    ['setuptools packages.find.where', { 'pyproject.toml': '[tool.setuptools.packages.find]\nwhere = ["lib"]\n' }],
    ['Poetry packages[].from', { 'pyproject.toml': '[tool.poetry]\npackages = [{ include = "pkg", from = "lib" }]\n' }],
    ['Hatch wheel packages', { 'pyproject.toml': '[tool.hatch.build.targets.wheel]\npackages = ["lib/pkg"]\n' }],
  ])('come from pyproject.toml: %s', (_, pyproject) => {
    expect(rootsOf({ ...pyproject, 'lib/pkg/__init__.py': '', 'lib/pkg/engine.py': ENGINE })).toBe('pkg.engine');
  });

  it('come from a src/ layout, else are the registry\'s folder', () => {
    expect(rootsOf({ 'src/pkg/__init__.py': '', 'src/pkg/engine.py': ENGINE })).toBe('pkg.engine');
    expect(rootsOf({ 'pkg/__init__.py': '', 'pkg/engine.py': ENGINE })).toBe('pkg.engine');
  });

  it('are the registry\'s `python.roots` when given, checked', () => {
    expect(rootsOf({ 'code/pkg/__init__.py': '', 'code/pkg/engine.py': ENGINE }, { python: { roots: ['code'] } })).toBe('pkg.engine');
    const files = { 'pkg/__init__.py': '', 'pkg/engine.py': ENGINE };
    expect(refusal(files, { python: { roots: ['../out'] }, ...symbol('pkg.engine') })).toBe(
      '$.python.roots[0]: "../out" leaves the registry\'s folder (expected a folder inside it)',
    );
    expect(refusal(files, { python: { roots: ['nope'] }, ...symbol('pkg.engine') })).toBe(
      '$.python.roots[0]: "nope" is not a folder (expected a folder relative to the registry\'s folder)',
    );
    expect(refusal(files, { python: { roots: [] } })).toBe('$.python.roots: an array is too small (expected an array of folders, relative to the registry\'s folder, that absolute imports start from (default: from pyproject.toml, else src/ in a src layout, and the registry\'s folder))');
    expect(refusal(files, { python: { root: 'x' } })).toBe('$.python.root: unknown key (expected one of: roots, version); did you mean "roots"?');
  });

  it('never lead out of the registry\'s folder: a `python.roots` folder linked to outside is refused, a pyproject.toml one is no root', () => {
    const outside = tempTree({ 'pkg/__init__.py': '', 'pkg/engine.py': ENGINE });
    const linkedRoot = (config: object, pyproject?: string): string => {
      const root = tempTree({ 'ssot.config.json': JSON.stringify({ ...config, ...symbol('pkg.engine') }), ...(pyproject ? { 'pyproject.toml': pyproject } : {}) });
      fs.symlinkSync(outside, path.join(root, 'code'));
      try {
        loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
      } catch (error) {
        if (error instanceof RegistryError) return error.message.replace(/^.*ssot\.config\.json: /, '');
        throw error;
      }
      throw new Error('the registry loaded');
    };
    expect(linkedRoot({ python: { roots: ['code'] } })).toBe(
      `$.python.roots[0]: "code" leads through a link out of the registry's folder, to ${fs.realpathSync(outside)} (expected a folder inside it)`,
    );
    expect(linkedRoot({}, '[tool.setuptools.packages.find]\nwhere = ["code", "../x"]\n')).toMatch(/^\$\.symbols\[0\]\.from: .*"pkg\.engine" names no module under the import roots \(\.\)/);
  });

  it('refuses an unreadable pyproject.toml, and a version that is no Python version', () => {
    expect(refusal({ 'pyproject.toml': '[tool\n' }, {})).toMatch(/^\$: pyproject\.toml beside the registry cannot be read: .* \(expected valid TOML, or "python": \{ "roots": \[\.\.\.\] \} in the registry\)$/);
    expect(refusal({}, { python: { version: '2.7' } })).toBe('$.python.version: string "2.7": must match pattern "^3\\.(?:[0-9]|1[0-9])$"');
  });
});

describe('specifiers', () => {
  const files = {
    'app/__init__.py': '', 'app/agents/__init__.py': '', 'app/agents/supervisor/__init__.py': '',
    'app/agents/supervisor/engine.py': ENGINE, 'app/agents/consolidated.py': 'from .supervisor.engine import UserExecutionEngine\n',
    'app/core/__init__.py': '', 'app/core/user.py': '', 'other/__init__.py': '', 'other/user.py': '',
  };
  const registry = load(files, { symbols: [{ name: 'UserExecutionEngine', from: 'app.agents.supervisor.engine', legacy: [{ name: 'UserExecutionEngine', from: 'app.agents.consolidated' }] }] });
  const at = (relative: string) => path.join(registry.root, relative);
  const engine = registry.symbols[0].module;

  it('resolve absolute and relative names, packages and from-imports of a package', () => {
    const user = at('app/core/user.py');
    expect(registry.resolver.resolve('app.agents.supervisor.engine', user)).toEqual(engine);
    expect(registry.resolver.resolve('..agents.supervisor.engine', user)).toEqual(engine);
    expect(registry.resolver.resolve('..agents', user)).toEqual({ kind: 'file', path: at('app/agents/__init__.py') });
    expect(registry.resolver.resolve('...', user)).toBeNull();
    expect(registry.resolver.resolve('app.nope', user)).toBeNull();
  });

  it('are written relative where the file wrote relative, within the same top package', () => {
    expect(registry.resolver.specifierFor(engine, at('app/core/user.py'), '..agents.consolidated')).toBe('..agents.supervisor.engine');
    expect(registry.resolver.specifierFor(engine, at('app/agents/supervisor/x.py'), '.x')).toBe('.engine');
    expect(registry.resolver.specifierFor(engine, at('app/agents/__init__.py'), '.consolidated')).toBe('.supervisor.engine');
    expect(registry.resolver.specifierFor(engine, at('app/core/user.py'), 'app.agents.consolidated')).toBe('app.agents.supervisor.engine');
    expect(registry.resolver.specifierFor(engine, at('other/user.py'), '.x')).toBe('app.agents.supervisor.engine');
  });

  it('name the legacy module dotted in reports, and pre-filter on its last name', () => {
    expect(registry.resolver.systemOf(engine).registryNameOfFile('app/agents/consolidated.py')).toBe('app.agents.consolidated');
    expect(registry.prefilter.byLanguage.get('python')!.needles).toEqual(['engine', 'consolidated']);
  });
});

describe('a registry of JavaScript and Python modules', () => {
  const files = {
    'src/engine.ts': 'export class Engine {}\nexport function createEngine() { return new Engine(); }\n',
    'src/legacy.ts': 'export { Engine } from "./engine";\n',
    'py/__init__.py': '', 'py/engine.py': ENGINE, 'py/legacy.py': 'from .engine import UserExecutionEngine\n',
  };

  it('holds both, each module read by its language', () => {
    const registry = load(files, {
      symbols: [
        { name: 'Engine', from: 'src/engine', legacy: [{ name: 'Engine', from: 'src/legacy' }] },
        { name: 'UserExecutionEngine', from: 'py.engine', legacy: [{ name: 'UserExecutionEngine', from: 'py/legacy' }] },
      ],
    });
    expect(registry.symbols.map((s) => registry.resolver.systemOf(s.module).language.id)).toEqual(['javascript', 'python']);
    expect(registry.legacyModules.size).toBe(2);
  });

  it('refuses an entry that maps a module of one language onto the other\'s', () => {
    expect(refusal(files, { symbols: [{ name: 'Engine', from: 'src/engine', legacy: [{ name: 'UserExecutionEngine', from: 'py.legacy' }] }] })).toBe(
      '$.symbols[0].legacy[0].from: "py.legacy" is a Python module but "src/engine" is a JS/TS one (expected the modules of one entry in one language)',
    );
    expect(refusal(files, { modules: [{ from: 'py.legacy', to: 'src/engine' }] })).toBe(
      '$.modules[0].to: "src/engine" is a JS/TS module but "py.legacy" is a Python one (expected the modules of one entry in one language)',
    );
    expect(refusal(files, {
      symbols: [{ name: 'UserExecutionEngine', from: 'py.engine', legacy: [{ name: 'UserExecutionEngine', from: 'py.legacy', construct: { factory: 'createEngine', from: 'src/engine' } }] }],
    })).toBe('$.symbols[0].legacy[0].construct.from: "src/engine" is a JS/TS module but "py.legacy" is a Python one (expected the modules of one entry in one language)');
  });
});
