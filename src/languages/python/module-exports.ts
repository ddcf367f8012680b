/**
 * What a Python module exports: every name its module level binds (assignments, `def`, `class`,
 * imports, names bound in `if`/`try`/`with`/`for` blocks at that level), the names `from x import *`
 * brings in (x's `__all__`, else its public names, followed through chains), and the names of its
 * `__all__` (dunder names such as `__all__` itself are not counted). A module with a module-level
 * `__getattr__` may provide any name: its list is incomplete.
 */
import * as fs from 'node:fs';
import { ModuleReadError, SourceParseError, type ModuleExports, type ModuleRef } from '../language';
import { parsePython, type PythonVersion } from './parse';
import { NodeType, simpleStatements, type ImportFromNode, type ParseNode } from './syntax';

export interface ModuleNames {
  /** Every name bound at module level, and those star imports bring in. */
  names: Set<string>;
  /** `__all__`, when it is a literal list or tuple of strings (also after `+=` or `.extend`). */
  all: string[] | null;
  /** Where `__all__` is first assigned. */
  allAt: number | null;
  /** A module-level `__getattr__`, or a star import we cannot follow: names may exist beyond `names`. */
  open: boolean;
  /** The star imports, as written (`.x`, `pkg.mod`). */
  starImports: string[];
  /**
   * The modules it imports when it loads, as written (`pkg.mod`, `.x`, and `.x.name` for `from .x import
   * name`, which loads `.x.name` when that is a submodule): not in a function or class, nor under
   * `if TYPE_CHECKING:`.
   */
  loads: string[];
}

/** Reads a module's own names, without following its star imports. */
export function readModuleNames(file: string, version: PythonVersion): ModuleNames {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ModuleReadError(file, (error as Error).message);
  }
  let statements: readonly ParseNode[];
  try {
    statements = parsePython(file, text, version).tree.d.statements;
  } catch (error) {
    if (error instanceof SourceParseError) throw new ModuleReadError(file, error.message);
    throw error;
  }
  return namesOf(statements);
}

/** A module's own names, from its parsed statements. */
export function namesOf(statements: readonly ParseNode[]): ModuleNames {
  const result: ModuleNames = { names: new Set(), all: null, allAt: null, open: false, starImports: [], loads: [] };
  collect(statements, result, true);
  if (result.names.has('__getattr__')) result.open = true;
  // `__all__`, `__version__`, `__getattr__`: the module's own machinery, which no registry entry moves.
  for (const name of result.names) if (/^__\w+__$/.test(name)) result.names.delete(name);
  return result;
}

function collect(statements: readonly ParseNode[], out: ModuleNames, runs: boolean): void {
  for (const statement of simpleStatements(statements)) collectStatement(statement, out, runs);
}

/** `runs`: the statement runs when the module loads (false under `if TYPE_CHECKING:`). */
function collectStatement(node: ParseNode, out: ModuleNames, runs: boolean): void {
  switch (node.nodeType) {
    case NodeType.Assignment:
      targetNames(node.d.leftExpr, out.names);
      if (isNamed(node.d.leftExpr, '__all__')) {
        out.all = stringList(node.d.rightExpr);
        out.allAt ??= node.start;
      }
      return;
    case NodeType.TypeAnnotation:
      // `x: int` alone binds nothing at module level.
      return;
    case NodeType.AugmentedAssignment:
      targetNames(node.d.leftExpr, out.names);
      if (isNamed(node.d.leftExpr, '__all__') && out.all) {
        const more = stringList(node.d.rightExpr);
        out.all = more ? [...out.all, ...more] : null;
      }
      return;
    case NodeType.AssignmentExpression:
      out.names.add(node.d.name.d.value);
      return;
    case NodeType.Call: {
      // __all__.extend([...]) / __all__.append('x')
      const callee = node.d.leftExpr;
      if (callee.nodeType === NodeType.MemberAccess && isNamed(callee.d.leftExpr, '__all__') && out.all) {
        const argument = node.d.args[0]?.d.valueExpr;
        const method = callee.d.member.d.value;
        const appended = method === 'append' && argument ? plainString(argument) : null;
        const more = method === 'extend' && argument ? stringList(argument) : appended !== null ? [appended] : null;
        out.all = more ? [...out.all, ...more] : null;
      }
      return;
    }
    case NodeType.Function:
    case NodeType.Class:
      out.names.add(node.d.name.d.value);
      return;
    case NodeType.TypeAlias:
      out.names.add(node.d.name.d.value);
      return;
    case NodeType.Import:
      for (const clause of node.d.list) {
        const bound = clause.d.alias ?? clause.d.module.d.nameParts[0];
        if (bound) out.names.add(bound.d.value);
        if (runs) out.loads.push(clause.d.module.d.nameParts.map((p) => p.d.value).join('.'));
      }
      return;
    case NodeType.ImportFrom:
      if (runs) out.loads.push(moduleText(node));
      if (node.d.isWildcardImport) out.starImports.push(moduleText(node));
      else for (const name of node.d.imports) {
        out.names.add((name.d.alias ?? name.d.name).d.value);
        if (runs) out.loads.push(`${moduleText(node)}${moduleText(node).endsWith('.') ? '' : '.'}${name.d.name.d.value}`);
      }
      return;
    case NodeType.If: {
      const underTypeChecking = runs && isTypeChecking(node.d.testExpr);
      collect(node.d.ifSuite.d.statements, out, runs && !underTypeChecking);
      if (node.d.elseSuite) collectStatement(node.d.elseSuite, out, runs);
      return;
    }
    case NodeType.Suite:
      collect(node.d.statements, out, runs);
      return;
    case NodeType.Try:
      collect(node.d.trySuite.d.statements, out, runs);
      for (const clause of node.d.exceptClauses) collect(clause.d.exceptSuite.d.statements, out, runs);
      if (node.d.elseSuite) collect(node.d.elseSuite.d.statements, out, runs);
      if (node.d.finallySuite) collect(node.d.finallySuite.d.statements, out, runs);
      return;
    case NodeType.With:
      for (const item of node.d.withItems) if (item.d.target) targetNames(item.d.target, out.names);
      collect(node.d.suite.d.statements, out, runs);
      return;
    case NodeType.For:
      targetNames(node.d.targetExpr, out.names);
      collect(node.d.forSuite.d.statements, out, runs);
      if (node.d.elseSuite) collect(node.d.elseSuite.d.statements, out, runs);
      return;
    case NodeType.While:
      collect(node.d.whileSuite.d.statements, out, runs);
      if (node.d.elseSuite) collect(node.d.elseSuite.d.statements, out, runs);
      return;
    case NodeType.Match:
      for (const c of node.d.cases) collect(c.d.suite.d.statements, out, runs);
      return;
  }
}

/** The specifier a from-import names, as written: leading dots and dotted name. */
/** `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:`: a block that never runs. */
function isTypeChecking(test: ParseNode): boolean {
  if (test.nodeType === NodeType.Name) return test.d.value === 'TYPE_CHECKING';
  return test.nodeType === NodeType.MemberAccess && test.d.member.d.value === 'TYPE_CHECKING';
}

export function moduleText(node: ImportFromNode): string {
  const name = node.d.module.d;
  return '.'.repeat(name.leadingDots) + name.nameParts.map((p) => p.d.value).join('.');
}

function targetNames(node: ParseNode, names: Set<string>): void {
  switch (node.nodeType) {
    case NodeType.Name:
      names.add(node.d.value);
      return;
    case NodeType.Tuple:
    case NodeType.List:
      for (const item of node.d.items) targetNames(item, names);
      return;
    case NodeType.Unpack:
      targetNames(node.d.expr, names);
      return;
    case NodeType.TypeAnnotation:
      targetNames(node.d.valueExpr, names);
      return;
    case NodeType.Assignment:
      // a = b = 1
      targetNames(node.d.leftExpr, names);
      return;
  }
}

function isNamed(node: ParseNode, name: string): boolean {
  const target = node.nodeType === NodeType.TypeAnnotation ? node.d.valueExpr : node;
  return target.nodeType === NodeType.Name && target.d.value === name;
}

/** `['a', "b"]` or `('a', 'b')`: the strings; null for anything else. */
function stringList(node: ParseNode): string[] | null {
  if (node.nodeType !== NodeType.List && node.nodeType !== NodeType.Tuple) return null;
  const values: string[] = [];
  for (const item of node.d.items) {
    const value = plainString(item);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

/** The value of a string literal that is no f-string (implicit concatenation included); null otherwise. */
export function plainString(node: ParseNode): string | null {
  if (node.nodeType !== NodeType.StringList) return null;
  let value = '';
  for (const s of node.d.strings) {
    if (s.nodeType !== NodeType.String) return null;
    value += s.d.value;
  }
  return value;
}

/**
 * A module's exports with star imports followed: `resolveStar(specifier, fromFile)` finds the module a star
 * import names (null when it is not a file of the project: then the list is incomplete).
 */
export function moduleExports(
  module: ModuleRef,
  read: (file: string) => ModuleNames,
  resolveStar: (specifier: string, fromFile: string) => ModuleRef | null,
  seen = new Set<string>(),
): ModuleExports | null {
  if (module.kind !== 'file') return null;
  const own = read(module.path);
  const names = new Set([...own.names, ...(own.all ?? [])]);
  let complete = !own.open;
  seen.add(module.path);
  for (const specifier of own.starImports) {
    const target = resolveStar(specifier, module.path);
    if (!target || target.kind !== 'file') {
      complete = false;
      continue;
    }
    if (seen.has(target.path)) continue;
    const starred = starNames(target, read, resolveStar, seen);
    if (!starred) complete = false;
    else {
      for (const name of starred.names) names.add(name);
      if (!starred.complete) complete = false;
    }
  }
  return { names, complete };
}

/** What `from m import *` binds: m's `__all__`, else its names that do not start with `_`. */
function starNames(
  module: ModuleRef,
  read: (file: string) => ModuleNames,
  resolveStar: (specifier: string, fromFile: string) => ModuleRef | null,
  seen: Set<string>,
): ModuleExports | null {
  if (module.kind !== 'file') return null;
  const own = read(module.path);
  if (own.all) return { names: new Set(own.all), complete: true };
  const all = moduleExports(module, read, resolveStar, seen);
  if (!all) return null;
  return { names: new Set([...all.names].filter((n) => !n.startsWith('_'))), complete: all.complete };
}
