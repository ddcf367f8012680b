/**
 * The names a module exports, read from its source: ESM declarations and re-exports (following
 * `export *` chains), TypeScript's `export =`, and CommonJS `module.exports` / `exports.X` in JS files.
 * Used to check that a registry's canonical modules really export what it says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isBuiltin } from 'node:module';
import type * as t from '@babel/types';
import { ModuleReadError, type ModuleExports, type ModuleRef } from '../language';
import { languageOf, parseSource } from './parse';
import type { ModuleResolver } from './resolve';
import { loadedSpecifiersOf } from './module-imports';
import type { AnyNode } from './scope';
import { isDirectory, readJsonObject } from '../../shared/fs';

export { ModuleReadError, type ModuleExports };

/** What one file exports by itself, its `export *` sources resolved to files. */
export interface OwnExports {
  names: Set<string>;
  starSources: string[];
  complete: boolean;
}

/**
 * What was learnt of each file. A project keeps one for its resolver: what a specifier means (tsconfig
 * paths, the registry's root) depends on it.
 */
export interface ExportsCache {
  own: Map<string, OwnExports | ModuleReadError>;
  full: Map<string, ModuleExports>;
  /**
   * The specifiers each file read here loads (readLoadedSpecifiers), learnt from the same parse: an import
   * cycle check asks for them next, of the same files (a canonical barrel and what it re-exports).
   */
  loaded: Map<string, string[]>;
}

export function newExportsCache(): ExportsCache {
  return { own: new Map(), full: new Map(), loaded: new Map() };
}

/**
 * Exported names of a module and whether that list is known to be complete. Null when a package's
 * files cannot be found; throws ModuleReadError when the module's own file cannot be read or parsed.
 * Modules reached through `export *` that cannot be read only make the answer incomplete.
 */
export function readModuleExports(ref: ModuleRef, resolver: ModuleResolver, cache = newExportsCache()): ModuleExports | null {
  const file = ref.kind === 'file' ? ref.path : packageEntryFile(ref.name, resolver.options.root, resolver);
  if (!file) return null;
  let result = cache.full.get(file);
  if (!result) {
    result = collectExports(file, resolver, cache);
    cache.full.set(file, result);
  }
  return result;
}

/**
 * `export *` re-exports every name of its source except `default`, transitively. The union of what is
 * reachable is the same whatever the order of the walk, so cycles only need a visited set.
 */
function collectExports(file: string, resolver: ModuleResolver, cache: ExportsCache): ModuleExports {
  const start = ownExports(file, resolver, cache);
  if (start instanceof ModuleReadError) throw start;
  const names = new Set(start.names);
  let complete = start.complete;
  const visited = new Set([file]);
  const pending = [...start.starSources];
  while (pending.length > 0) {
    const source = pending.pop()!;
    if (visited.has(source)) continue;
    visited.add(source);
    const own = ownExports(source, resolver, cache);
    if (own instanceof ModuleReadError) {
      complete = false;
      continue;
    }
    for (const name of own.names) if (name !== 'default') names.add(name);
    complete &&= own.complete;
    pending.push(...own.starSources);
  }
  return { names, complete };
}

function ownExports(file: string, resolver: ModuleResolver, cache: ExportsCache): OwnExports | ModuleReadError {
  let own = cache.own.get(file);
  if (!own) {
    own = readOwnExports(file, resolver, cache);
    cache.own.set(file, own);
  }
  return own;
}

function readOwnExports(file: string, resolver: ModuleResolver, cache: ExportsCache): OwnExports | ModuleReadError {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return new ModuleReadError(file, (error as Error).message);
  }
  let program: t.Program;
  try {
    program = parseSource(text, file).program;
  } catch (error) {
    return new ModuleReadError(file, (error as Error).message);
  }
  try {
    cache.loaded.set(file, loadedSpecifiersOf(program as unknown as AnyNode, text));
  } catch {
    // Too deep to walk here (a 100,000-link member chain): the import-cycle check reads it on its own, as before.
  }
  const collector = new OwnExportsCollector(file, resolver);
  collector.collectEsm(program);
  if (languageOf(file) === 'js') collector.collectCommonJs(program);
  return collector.result();
}

class OwnExportsCollector {
  private readonly names = new Set<string>();
  private readonly starSources: string[] = [];
  private complete = true;
  private commonJsExports = false;
  private esModuleMarker = false;

  constructor(
    private readonly file: string,
    private readonly resolver: ModuleResolver,
  ) {}

  result(): OwnExports {
    // Under CommonJS interop a default import receives the whole exports object, unless the file
    // declares itself compiled ESM.
    if (this.commonJsExports && !this.esModuleMarker) this.names.add('default');
    return { names: this.names, starSources: this.starSources, complete: this.complete };
  }

  collectEsm(program: t.Program): void {
    for (const statement of program.body) {
      switch (statement.type) {
        case 'ExportNamedDeclaration':
          if (statement.declaration) this.addDeclaration(statement.declaration);
          for (const specifier of statement.specifiers) this.names.add(exportedName(specifier.exported));
          break;
        case 'ExportDefaultDeclaration':
          this.names.add('default');
          break;
        case 'ExportAllDeclaration':
          this.addStarSource(statement.source.value);
          break;
        case 'TSExportAssignment':
          this.addWholeModuleExport(statement.expression);
          break;
        case 'TSImportEqualsDeclaration':
          if (statement.isExport) this.names.add(statement.id.name);
          break;
      }
    }
  }

  collectCommonJs(program: t.Program): void {
    for (const statement of program.body) {
      if (statement.type !== 'ExpressionStatement') continue;
      const expressions =
        statement.expression.type === 'SequenceExpression' ? statement.expression.expressions : [statement.expression];
      for (const expression of expressions) {
        if (expression.type === 'AssignmentExpression') this.addCommonJsAssignment(expression);
        else if (expression.type === 'CallExpression') this.addCommonJsCall(expression);
      }
    }
  }

  private addDeclaration(declaration: t.Declaration): void {
    switch (declaration.type) {
      case 'VariableDeclaration':
        for (const declarator of declaration.declarations) this.addBindings(declarator.id);
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'TSDeclareFunction':
      case 'TSEnumDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
        if (declaration.id) this.names.add(declaration.id.name);
        break;
      case 'TSModuleDeclaration':
        // `export declare module 'x'` and `declare global` add no name to this module.
        if (declaration.id.type === 'Identifier' && declaration.kind !== 'global') this.names.add(declaration.id.name);
        break;
    }
  }

  /** `export const { a, b: [c, ...d] } = …` exports a, c and d. */
  private addBindings(pattern: t.LVal | t.PatternLike | t.OptionalMemberExpression): void {
    switch (pattern.type) {
      case 'Identifier':
        this.names.add(pattern.name);
        break;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          this.addBindings(property.type === 'RestElement' ? property : (property.value as t.PatternLike));
        }
        break;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.addBindings(element);
        break;
      case 'RestElement':
        this.addBindings(pattern.argument);
        break;
      case 'AssignmentPattern':
        this.addBindings(pattern.left);
        break;
    }
  }

  private addStarSource(specifier: string): void {
    const ref = this.resolver.resolve(specifier, this.file);
    const source =
      ref?.kind === 'file' ? ref.path : ref ? packageEntryFile(ref.name, path.dirname(this.file), this.resolver) : null;
    if (source) this.starSources.push(source);
    else this.complete = false;
  }

  /** `export = value` and `module.exports = value`: an object literal's keys, else names we cannot list. */
  private addWholeModuleExport(value: t.Expression): void {
    this.names.add('default');
    const required = requiredSpecifier(value);
    if (required !== undefined) {
      this.addStarSource(required);
      return;
    }
    if (value.type !== 'ObjectExpression') {
      this.complete = false;
      return;
    }
    for (const property of value.properties) {
      const key = property.type === 'SpreadElement' ? undefined : propertyName(property.key, property.computed);
      if (key === undefined) this.complete = false;
      else this.names.add(key);
    }
  }

  /** `module.exports = …`, `exports.A = …`, `module.exports.A = …`, and chains `exports.a = exports.b = void 0`. */
  private addCommonJsAssignment(assignment: t.AssignmentExpression): void {
    const target = assignment.left;
    if (isModuleExports(target)) {
      this.commonJsExports = true;
      this.addWholeModuleExport(assignment.right);
    } else if (target.type === 'MemberExpression' && (isExportsObject(target.object))) {
      const name = propertyName(target.property, target.computed);
      if (name === '__esModule') this.esModuleMarker = true;
      else if (name !== undefined) {
        this.commonJsExports = true;
        this.names.add(name);
      }
    }
    if (assignment.right.type === 'AssignmentExpression') this.addCommonJsAssignment(assignment.right);
  }

  /** Compiled output: `Object.defineProperty(exports, 'A', …)` and `__exportStar(require('./x'), exports)`. */
  private addCommonJsCall(call: t.CallExpression): void {
    const [first, second] = call.arguments;
    if (isObjectDefineProperty(call.callee) && first && isExportsObject(first) && second?.type === 'StringLiteral') {
      if (second.value === '__esModule') this.esModuleMarker = true;
      else {
        this.commonJsExports = true;
        this.names.add(second.value);
      }
      return;
    }
    const calleeName =
      call.callee.type === 'Identifier'
        ? call.callee.name
        : call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier'
          ? call.callee.property.name
          : '';
    if ((calleeName === '__exportStar' || calleeName === '__export') && first && first.type !== 'ArgumentPlaceholder') {
      const required = first.type === 'SpreadElement' ? undefined : requiredSpecifier(first);
      if (required !== undefined) {
        this.commonJsExports = true;
        this.addStarSource(required);
      }
    }
  }
}

function exportedName(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function propertyName(key: t.Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

function isModuleExports(node: t.Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    propertyName(node.property, node.computed) === 'exports'
  );
}

function isExportsObject(node: t.Node): boolean {
  return (node.type === 'Identifier' && node.name === 'exports') || isModuleExports(node);
}

function isObjectDefineProperty(callee: t.Node): boolean {
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    propertyName(callee.property, callee.computed) === 'defineProperty'
  );
}

/** The string of `require('x')`, if the expression is one. */
function requiredSpecifier(node: t.Node): string | undefined {
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0].type === 'StringLiteral'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Packages: found through node_modules, the way TypeScript finds their types.

/** `@scope/name/sub/path` → `@scope/name` and `sub/path`. */
export function splitPackageSpecifier(specifier: string): { packageName: string; subpath: string } {
  const segments = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  return { packageName: segments.slice(0, count).join('/'), subpath: segments.slice(count).join('/') };
}

/**
 * The folder of an installed package (its own, else its `@types` counterpart), searching node_modules
 * upward from `fromDir`; null for Node built-ins and packages that are not installed.
 */
export function findPackageDirectory(specifier: string, fromDir: string): string | null {
  return packageDirectories(specifier, fromDir)[0] ?? null;
}

function packageDirectories(specifier: string, fromDir: string): string[] {
  // A name with a NUL byte is no package (and fs throws on such a path).
  if (isBuiltin(specifier) || specifier.includes('\0')) return [];
  const { packageName } = splitPackageSpecifier(specifier);
  const typesName = `@types/${packageName.replace(/^@([^/]+)\//, '$1__')}`;
  const found: string[] = [];
  for (const name of [packageName, typesName]) {
    for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (isDirectory(candidate)) {
        found.push(candidate);
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return found;
}

/**
 * The file that declares a package (or package subpath): its own types, else its `@types`, else its
 * code (JavaScript bundles list their exports far less reliably than declarations do).
 */
export function packageEntryFile(specifier: string, fromDir: string, resolver: ModuleResolver): string | null {
  const { subpath } = splitPackageSpecifier(specifier);
  let code: string | null = null;
  for (const dir of packageDirectories(specifier, fromDir)) {
    const manifest: Manifest = readJsonObject(path.join(dir, 'package.json')) ?? {};
    const entries = subpath ? subpathEntries(manifest, subpath) : rootEntries(manifest);
    for (const entry of entries) {
      const file = resolver.probeFile(path.resolve(dir, entry));
      if (file && TYPESCRIPT_FILE.test(file)) return file;
      code ??= file;
    }
  }
  return code;
}

const TYPESCRIPT_FILE = /\.[mc]?tsx?$/i;

type Manifest = Record<string, unknown>;

function rootEntries(manifest: Manifest): string[] {
  const entries: string[] = [];
  for (const field of ['types', 'typings']) if (typeof manifest[field] === 'string') entries.push(manifest[field]);
  const exported = exportsTarget(manifest.exports, '.');
  if (exported) entries.push(exported);
  if (typeof manifest.main === 'string') entries.push(manifest.main);
  entries.push('index');
  return entries;
}

function subpathEntries(manifest: Manifest, subpath: string): string[] {
  const exported = exportsTarget(manifest.exports, `./${subpath}`);
  return exported ? [exported, subpath] : [subpath];
}

/** The target of a subpath in package.json `exports`, preferring type declarations among conditions. */
function exportsTarget(exportsField: unknown, subpath: string): string | undefined {
  if (exportsField === undefined || exportsField === null) return undefined;
  const isSubpathMap =
    typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? conditionalTarget(exportsField) : undefined;
  const map = exportsField as Record<string, unknown>;
  if (subpath in map) return conditionalTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      const target = conditionalTarget(value);
      return target?.replace('*', subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

const PREFERRED_CONDITIONS = ['types', 'import', 'require', 'node', 'default'];

function conditionalTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const target = conditionalTarget(item);
      if (target) return target;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const conditions = value as Record<string, unknown>;
  const keys = [...PREFERRED_CONDITIONS.filter((k) => k in conditions), ...Object.keys(conditions)];
  for (const key of keys) {
    const target = conditionalTarget(conditions[key]);
    if (target) return target;
  }
  return undefined;
}
