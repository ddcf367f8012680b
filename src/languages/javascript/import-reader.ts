/**
 * The import model's declarations, read from a Babel tree: `import … from`, `export … from` and
 * `const { … } = require(…)`. A specifier's binding is looked up (and the scopes analysed) only when a
 * transform asks for it.
 */
import { LazyBindingName, type ReadDeclaration } from '../import-model';
import type { AnyNode, Binding } from './scope';
import { requireSource, stringValue } from './module-strings';

/** The declaration forms JavaScript writes; the import model keeps them as the language's names. */
export type DeclForm = 'import' | 'export' | 'require';

export interface ImportReading {
  program: AnyNode;
  requireDeclarations: AnyNode[];
  bindingDeclaredBy(id: AnyNode): Binding | undefined;
}

export function readImports(reading: ImportReading): ReadDeclaration[] {
  const decls: ReadDeclaration[] = [];
  for (const statement of reading.program.body) {
    if (statement.type === 'ImportDeclaration') {
      const decl = readImport(statement, reading);
      if (decl) decls.push(decl);
    } else if (statement.type === 'ExportNamedDeclaration' && statement.source) {
      decls.push(readExportFrom(statement));
    }
  }
  for (const node of reading.requireDeclarations) decls.push(readRequire(node, reading));
  return decls.sort((a, b) => a.span.start - b.span.start);
}

function newDecl(form: DeclForm, node: AnyNode, source: AnyNode | null, typeOnly: boolean): ReadDeclaration {
  const specifierText = source ? stringValue(source) ?? '' : '';
  return { form, reexport: form === 'export', span: node, source, specifierText, typeOnly, specs: [], syntax: node };
}

function readImport(node: AnyNode, reading: ImportReading): ReadDeclaration | null {
  // `import typeof` (Flow) and source-phase imports name no module's exports.
  if (node.importKind === 'typeof' || node.phase) return null;
  const decl = newDecl('import', node, node.source, node.importKind === 'type');
  for (const s of node.specifiers) {
    const kind = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? 'namespace' : 'named';
    const imported = kind === 'default' ? 'default' : kind === 'namespace' ? '*' : nameOf(s.imported);
    decl.specs.push(new LazyBindingName({ span: s, kind, imported, local: s.local.name, typeOnly: s.importKind === 'type' }, () => reading.bindingDeclaredBy(s.local)));
  }
  return decl;
}

function readExportFrom(node: AnyNode): ReadDeclaration {
  const decl = newDecl('export', node, node.source, node.exportKind === 'type');
  for (const s of node.specifiers) {
    const kind = s.type === 'ExportNamespaceSpecifier' ? 'namespace' : s.type === 'ExportDefaultSpecifier' ? 'default' : 'named';
    const imported = kind === 'namespace' ? '*' : kind === 'default' ? 'default' : nameOf(s.local);
    decl.specs.push({ span: s, kind, imported, local: nameOf(s.exported), typeOnly: s.exportKind === 'type' });
  }
  return decl;
}

/** `const { A, B: C } = require('x')`, anywhere, when it is exactly that shape. */
function readRequire(node: AnyNode, reading: ImportReading): ReadDeclaration {
  const declarator = node.declarations[0];
  const decl = newDecl('require', node, requireSource(declarator.init), false);
  for (const p of declarator.id.properties) {
    decl.specs.push(new LazyBindingName({ span: p, kind: 'named', imported: nameOf(p.key), local: p.value.name, typeOnly: false }, () => reading.bindingDeclaredBy(p.value)));
  }
  return decl;
}

/** An import or export specifier's name: an identifier's, or a string's (`export { x as "a-b" }`). */
export function nameOf(node: AnyNode): string {
  return node.type === 'StringLiteral' ? node.value : node.name;
}
