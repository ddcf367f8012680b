/**
 * What a project's test runners mock for every test, read from their configuration, never run: jest's
 * `setupFiles` and `setupFilesAfterEnv` (jest.config.*, or package.json's "jest"), vitest's
 * `test.setupFiles` (vitest.config.*, vite.config.*), and then the `jest.mock` / `vi.mock`-like calls of
 * those setup files. A configuration applies to the files of its folder. Entries are read when they are
 * written as data: a string, `<rootDir>/…`, `path.resolve(__dirname, '…')`, `require.resolve('…')`,
 * `new URL('…', import.meta.url)`; anything computed otherwise cannot be known and is passed over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { forEachNode } from './visitor-keys';
import type { ModuleRef, SetupMock } from '../language';
import { isInside } from '../../shared/paths';
import { isFile, readJsonObject } from '../../shared/fs';
import { parseSource } from './parse';
import { scanModuleReferences, stringValue } from './module-strings';
import type { ModuleResolver } from './resolve';
import type { AnyNode } from './scope';

const CONFIG_NAMES = ['jest.config', 'vitest.config', 'vite.config'];
const CONFIG_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'];
/** jest's and vitest's keys (`setupFilesAfterEach`, which the issue names, is read too: it costs nothing). */
const SETUP_KEYS = new Set(['setupFiles', 'setupFilesAfterEnv', 'setupFilesAfterEach']);

/**
 * Whether a folder may hold an entry of this name, from one listing: compared without case, as a disk that
 * ignores case finds `Jest.config.js` for `jest.config.js` (the look that follows decides). A folder that
 * cannot be listed (execute-only) may hold anything: each name is then looked for.
 */
function mayHold(dir: string): (name: string) => boolean {
  let names: Set<string>;
  try {
    names = new Set(fs.readdirSync(dir).map((name) => name.toLowerCase()));
  } catch {
    return () => true;
  }
  return (name) => names.has(name.toLowerCase());
}

export class TestSetups {
  /** Folder ➔ the setup files its configurations name. */
  private readonly setupFilesIn = new Map<string, string[]>();
  /** Setup file ➔ the modules it mocks. */
  private readonly mocksOf = new Map<string, ModuleRef[]>();
  /** Folder ➔ what the setup files that apply to its files mock. */
  private readonly mocksByFolder = new Map<string, readonly SetupMock[]>();

  constructor(
    private readonly root: string,
    private readonly resolver: ModuleResolver,
  ) {}

  /** The modules mocked for `file` by the setup files of the configurations in its folder and those above, up to the root. */
  mocksFor(file: string): readonly SetupMock[] {
    return this.mocksInFolder(path.dirname(path.resolve(file)));
  }

  /** Asked once per folder: the files of a folder share the walk up to the root (20,000 files: 14 ms of 1.3 s). */
  private mocksInFolder(folder: string): readonly SetupMock[] {
    let found = this.mocksByFolder.get(folder);
    if (!found) {
      const mocks: SetupMock[] = [];
      for (let dir = folder; isInside(this.root, dir); dir = path.dirname(dir)) {
        for (const setupFile of this.setupFilesOf(dir)) {
          for (const module of this.mocksIn(setupFile)) mocks.push({ module, setupFile });
        }
        if (dir === this.root || path.dirname(dir) === dir) break;
      }
      this.mocksByFolder.set(folder, (found = mocks));
    }
    return found;
  }

  private setupFilesOf(dir: string): string[] {
    let files = this.setupFilesIn.get(dir);
    if (!files) {
      files = [];
      // One listing of the folder, rather than a look for each of the 21 names a configuration may have.
      const present = mayHold(dir);
      for (const name of CONFIG_NAMES) {
        for (const extension of CONFIG_EXTENSIONS) {
          if (!present(name + extension)) continue;
          const config = path.join(dir, name + extension);
          if (isFile(config)) files.push(...this.setupFilesOfConfig(config, extension === '.json' ? readJsonObject(config) : undefined));
        }
      }
      const manifest = present('package.json') ? readJsonObject(path.join(dir, 'package.json')) : null;
      if (manifest && typeof manifest.jest === 'object' && manifest.jest) files.push(...this.setupFilesOfConfig(path.join(dir, 'package.json'), manifest.jest as object));
      this.setupFilesIn.set(dir, (files = [...new Set(files)]));
    }
    return files;
  }

  /** The setup files a configuration names: `json` is its parsed JSON, else the file is read as JS/TS. */
  private setupFilesOfConfig(config: string, json?: object | null): string[] {
    const dir = path.dirname(config);
    const entries: { value: string; relativeTo: string }[] = [];
    let rootDir = dir;
    if (json !== undefined) {
      if (!json) return [];
      collectJson(json, (key, value) => {
        if (key === 'rootDir' && typeof value === 'string') rootDir = path.resolve(dir, value);
        if (SETUP_KEYS.has(key)) for (const item of [value].flat()) if (typeof item === 'string') entries.push({ value: item, relativeTo: dir });
      });
    } else {
      let program: AnyNode;
      try {
        program = parseSource(fs.readFileSync(config, 'utf8'), config).program as unknown as AnyNode;
      } catch {
        return [];
      }
      forEachNode(program, (node) => {
        if (node.type !== 'ObjectProperty' || node.computed) return;
        const key = node.key.type === 'Identifier' ? node.key.name : stringValue(node.key);
        if (key === 'rootDir') {
          const value = staticPath(node.value, dir);
          if (value) rootDir = path.resolve(dir, value);
        }
        if (key && SETUP_KEYS.has(key)) {
          const items: AnyNode[] = node.value.type === 'ArrayExpression' ? node.value.elements.filter(Boolean) : [node.value];
          for (const item of items) {
            const value = staticPath(item, dir);
            if (value) entries.push({ value, relativeTo: dir });
          }
        }
      });
    }
    return entries.flatMap(({ value, relativeTo }) => {
      const written = value.replace(/<rootDir>/g, rootDir);
      const file = this.setupFileAt(written, written === value ? relativeTo : rootDir);
      return file ? [file] : [];
    });
  }

  /** A setup entry as jest and vitest find it: a path relative to the config's folder, or a module. */
  private setupFileAt(entry: string, base: string): string | null {
    const direct = this.resolver.probeFile(path.resolve(base, entry));
    if (direct) return direct;
    const module = this.resolver.resolve(entry, path.join(base, 'ssot-setup-entry'));
    return module?.kind === 'file' ? module.path : null;
  }

  private mocksIn(setupFile: string): ModuleRef[] {
    let mocks = this.mocksOf.get(setupFile);
    if (!mocks) {
      mocks = [];
      try {
        const text = fs.readFileSync(setupFile, 'utf8');
        const program = parseSource(text, setupFile).program as unknown as AnyNode;
        for (const string of scanModuleReferences(program, text, true).strings) {
          if (!string.mocks) continue;
          const module = this.resolver.resolve(string.value, setupFile);
          if (module) mocks.push(module);
        }
      } catch {
        // A setup file that cannot be read or parsed mocks nothing we can know of.
      }
      this.mocksOf.set(setupFile, mocks);
    }
    return mocks;
  }
}

/** A path written as data: a string, `path.resolve(__dirname, '…')`, `require.resolve('…')`, `new URL('…', import.meta.url)`. */
function staticPath(node: AnyNode, dir: string): string | null {
  const literal = stringValue(node);
  if (literal !== null) return literal;
  if (node.type === 'CallExpression') {
    const callee = node.callee;
    const name = callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : callee.type === 'Identifier' ? callee.name : '';
    const args: AnyNode[] = node.arguments;
    // path.resolve(__dirname, 'a', 'b'), join(__dirname, 'x')
    if ((name === 'resolve' || name === 'join') && args[0]?.type === 'Identifier' && args[0].name === '__dirname') {
      const rest = args.slice(1).map(stringValue);
      return rest.every((part): part is string => part !== null) ? path.join(dir, ...rest) : null;
    }
    // require.resolve('./setup'), fileURLToPath(new URL('./setup.ts', import.meta.url))
    if ((name === 'resolve' && callee.object?.name === 'require') || name === 'fileURLToPath') return args[0] ? staticPath(args[0], dir) : null;
  }
  if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URL') return stringValue(node.arguments[0]);
  if (node.type === 'MemberExpression' && !node.computed && node.property.name === 'pathname') return staticPath(node.object, dir);
  return null;
}

function collectJson(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((item) => collectJson(item, visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visit(key, item);
      collectJson(item, visit);
    }
  }
}
