/**
 * The import model's declarations, read from a Python parse tree, wherever they are (module level, a
 * function, `if TYPE_CHECKING:`, `try:`):
 *
 *   from pkg.mod import A, B as C     form `from`: named specifiers; the module name (dots included) is the source
 *   import pkg.mod as m / import pkg  form `import`, one declaration per module of the statement: a namespace
 *                                     specifier whose local is `m` (or `pkg`)
 *   import pkg.mod                    form `import`, no specifier: it binds `pkg`, not the module
 *
 * `from pkg import *` is a module string (module-strings.ts), not a declaration.
 */
import { LazyBindingName, type ReadDeclaration, type ReadName } from '../import-model';
import { NodeType, endOf, type ImportAsNode, type ImportFromNode, type ImportNode, type NameNode, type ParseNode, type SuiteNode } from './syntax';
import { moduleText } from './module-exports';
import type { PyBinding } from './scope';

/** What the renderer needs to know of a declaration's statement. */
export interface PyImportSyntax {
  statement: ImportNode | ImportFromNode;
  /** For an `import` declaration: its clause (`pkg.mod as m`) among the statement's. */
  clause?: ImportAsNode;
  /** The block the statement is in (the module's statements, or a suite), for merges and removals. */
  block: readonly ParseNode[];
  /** The statement that holds it in that block (an `a; b` statement list, or itself). */
  line: ParseNode;
}

export interface ImportReading {
  statements: readonly ParseNode[];
  bindingDeclaredBy(name: NameNode): PyBinding | null;
}

export function readImports(reading: ImportReading): { declarations: ReadDeclaration[]; stars: ImportFromNode[] } {
  const declarations: ReadDeclaration[] = [];
  const stars: ImportFromNode[] = [];
  const visitBlock = (block: readonly ParseNode[]): void => {
    for (const line of block) {
      if (line.nodeType === NodeType.StatementList) {
        for (const statement of line.d.statements) {
          if (statement.nodeType === NodeType.ImportFrom) {
            if (statement.d.isWildcardImport) stars.push(statement);
            else declarations.push(readFrom(statement, { statement, block, line }, reading));
          } else if (statement.nodeType === NodeType.Import) {
            for (const clause of statement.d.list) declarations.push(readImport(statement, clause, { statement, clause, block, line }, reading));
          } else {
            visitNested(statement);
          }
        }
      } else {
        visitNested(line);
      }
    }
  };
  /** Blocks inside a compound statement (and, rarely, an import nested in an expression's lambda: none). */
  const visitNested = (node: ParseNode): void => {
    for (const suite of suitesOf(node)) visitBlock(suite.d.statements);
  };
  visitBlock(reading.statements);
  return { declarations: declarations.sort((a, b) => a.span.start - b.span.start), stars };
}

/** The suites of a compound statement, in order: `if`/`elif`/`else`, `try` and its clauses, bodies. */
function suitesOf(node: ParseNode): SuiteNode[] {
  switch (node.nodeType) {
    case NodeType.If:
      return [node.d.ifSuite, ...(node.d.elseSuite ? (node.d.elseSuite.nodeType === NodeType.If ? suitesOf(node.d.elseSuite) : [node.d.elseSuite]) : [])];
    case NodeType.Try:
      return [node.d.trySuite, ...node.d.exceptClauses.map((c) => c.d.exceptSuite), ...(node.d.elseSuite ? [node.d.elseSuite] : []), ...(node.d.finallySuite ? [node.d.finallySuite] : [])];
    case NodeType.While:
      return [node.d.whileSuite, ...(node.d.elseSuite ? [node.d.elseSuite] : [])];
    case NodeType.For:
      return [node.d.forSuite, ...(node.d.elseSuite ? [node.d.elseSuite] : [])];
    case NodeType.With:
    case NodeType.Function:
    case NodeType.Class:
      return [node.d.suite];
    case NodeType.Match:
      return node.d.cases.map((c) => c.d.suite);
    default:
      return [];
  }
}

function readFrom(node: ImportFromNode, syntax: PyImportSyntax, reading: ImportReading): ReadDeclaration {
  const source = { start: node.d.module.start, end: endOf(node.d.module) };
  const specifierText = moduleText(node);
  const specs = node.d.imports.map((name) => {
    const local = name.d.alias ?? name.d.name;
    return new LazyBindingName({
      span: { start: name.start, end: endOf(name) }, kind: 'named', imported: name.d.name.d.value, local: local.d.value, typeOnly: false,
      // from pkg import sub: `pkg.sub`, if it is a module
      submodule: `${specifierText}${specifierText.endsWith('.') ? '' : '.'}${name.d.name.d.value}`,
    }, () => reading.bindingDeclaredBy(local));
  });
  return { form: 'from', reexport: false, span: statementSpan(node), source, specifierText, typeOnly: false, specs, syntax };
}

function readImport(node: ImportNode, clause: ImportAsNode, syntax: PyImportSyntax, reading: ImportReading): ReadDeclaration {
  const module = clause.d.module;
  const source = { start: module.start, end: endOf(module) };
  const specifierText = module.d.nameParts.map((p) => p.d.value).join('.');
  const specs: ReadName[] = [];
  // `import pkg.mod` binds `pkg`, which is not the module: it declares no specifier of it.
  const bound = clause.d.alias ?? (module.d.nameParts.length === 1 ? module.d.nameParts[0] : undefined);
  if (bound) {
    specs.push(new LazyBindingName({
      span: { start: clause.start, end: endOf(clause) }, kind: 'namespace', imported: '*', local: bound.d.value, typeOnly: false,
    }, () => reading.bindingDeclaredBy(bound)));
  }
  return { form: 'import', reexport: false, span: statementSpan(node), source, specifierText, typeOnly: false, specs, syntax };
}

function statementSpan(node: ParseNode): { start: number; end: number } {
  return { start: node.start, end: endOf(node) };
}
