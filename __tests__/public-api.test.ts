/**
 * The package's public API, as a user of `ssot-codemods` meets it: the README's example works, and every
 * type that an exported signature mentions can itself be named from the package — read off the built
 * declaration files with the TypeScript compiler, so a new export that leaks an unexported type fails here.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO } from './helpers/cli';
import { PROJECT } from './helpers/fixtures';

const INDEX = path.join(REPO, 'dist', 'src', 'index.d.ts');
const OWN = path.join(REPO, 'dist') + path.sep;

/** Every type symbol of ours that the declarations reachable from the package's exports refer to, by name. */
function unnameableTypes(): string[] {
  const program = ts.createProgram([INDEX], { strict: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  const resolve = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exported = new Set(checker.getExportsOfModule(index).map(resolve));
  const missing = new Set<string>();
  const seen = new Set<ts.Symbol>();
  const visit = (symbol: ts.Symbol): void => {
    if (seen.has(symbol)) return;
    seen.add(symbol);
    for (const declaration of symbol.declarations ?? []) {
      if (!declaration.getSourceFile().fileName.startsWith(OWN)) continue;
      const walk = (node: ts.Node): void => {
        if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
          const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isTypeQueryNode(node) ? node.exprName : node.expression;
          const target = checker.getSymbolAtLocation(name);
          if (target) {
            const real = resolve(target);
            const ours = real.declarations?.some((d) => d.getSourceFile().fileName.startsWith(OWN));
            // A type parameter or a member of an enum-like union is named by its owner.
            const isTopLevel = real.declarations?.some((d) => ts.isSourceFile(d.parent) || ts.isModuleBlock(d.parent));
            if (ours && isTopLevel && !exported.has(real)) missing.add(`${real.name} (${path.relative(OWN, real.declarations![0].getSourceFile().fileName)})`);
            if (ours) visit(real);
          }
        }
        // Private members are not part of the API; their types are not printed in declarations anyway.
        if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)) return;
        ts.forEachChild(node, walk);
      };
      walk(declaration);
    }
  };
  for (const symbol of exported) visit(symbol);
  return [...missing].sort();
}

describe('the public API', () => {
  it('lets every type an exported signature mentions be named from the package', () => {
    expect(unnameableTypes()).toEqual([]);
  });

  it('exports no internals: no parser, resolver, runner or journal entry points', () => {
    const api = require(path.join(REPO, 'dist', 'src', 'index.js'));
    for (const internal of ['parseSource', 'ModuleResolver', 'discoverFiles', 'readSource', 'FileRunner', 'applyBatchAtomically', 'analyzeScopes']) {
      expect([internal, internal in api]).toEqual([internal, false]);
    }
  });

  it('runs the README example', () => {
    const { loadRegistry, transformFile, selectTransforms } = require(path.join(REPO, 'dist', 'src', 'index.js'));
    const registry = loadRegistry({ configPath: path.join(PROJECT, 'ssot.config.json') });
    const source = "import { ExecutionEngine } from '../agents/execution_engine_consolidated';\nexport const e = new ExecutionEngine({ userId: 'u' });\n";
    const result = transformFile({ path: path.join(PROJECT, 'src', 'app', 'readme.ts'), source, registry, transforms: selectTransforms() });
    expect(result.status).toBe('changed');
    expect(result.output).toContain('createUserExecutionEngine(');
    expect(result.findings.map((f: { kind: string }) => f.kind)).toEqual(['singleton']);
  });
});
