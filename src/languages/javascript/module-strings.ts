/**
 * The places a module path hides outside `import`/`export … from` declarations (PITFALLS 20):
 * `export * from`, `import()`, `typeof import()`, `require()`, `require.resolve()`, `import x = require()`,
 * `declare module '…'`, and the module strings of jest/vitest mocks.
 */
import { VISITOR_KEYS } from './visitor-keys';
import type { ModuleMember, ModuleString } from '../language';
import type { AnyNode } from './scope';

export type ModuleStringForm =
  | 'export-all'
  | 'dynamic-import'
  | 'import-type'
  | 'require'
  | 'require-resolve'
  | 'import-equals'
  | 'declare-module'
  | 'mock';

/** A module string as the engine sees it, with the nodes a rewrite of it needs. */
export interface JsModuleString extends ModuleString {
  form: ModuleStringForm;
  /** The string (or plain template) literal that holds the path. */
  literal: AnyNode;
  /** The construct it belongs to (an `import()` call, a `TSImportType`, a `jest.mock` call…). */
  owner: AnyNode;
}

const LABELS: Record<ModuleStringForm, string> = {
  'export-all': 'export *', 'dynamic-import': 'import()', 'import-type': 'import type', require: 'require()',
  'require-resolve': 'require.resolve()', 'import-equals': 'import = require()', 'declare-module': 'declare module',
  mock: 'mock',
};

/** Forms that load their module with the file (the others are types, mocks, or loads for later). */
const LOADING_FORMS = new Set<ModuleStringForm>(['export-all', 'require', 'import-equals']);

const MOCK_OBJECTS = new Set(['jest', 'vi']);
/** The methods that register or remove a module's mock (the others read the real module or a mock). */
const MOCKING_METHODS = new Set(['mock', 'doMock', 'unmock', 'dontMock', 'doUnmock', 'setMock']);
const MOCK_METHODS = new Set([
  'mock', 'doMock', 'unmock', 'dontMock', 'doUnmock', 'requireActual', 'requireMock', 'createMockFromModule',
  'genMockFromModule', 'setMock', 'importActual', 'importMock',
]);

function isMockCall(node: AnyNode): boolean {
  const callee = node.callee;
  return callee?.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' &&
    MOCK_OBJECTS.has(callee.object.name) && MOCK_METHODS.has(callee.property.name);
}

function isRequireResolve(node: AnyNode): boolean {
  const callee = node.callee;
  return callee?.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' &&
    callee.object.name === 'require' && callee.property.name === 'resolve';
}

function dynamicImportSource(node: AnyNode): AnyNode | null {
  if (node.type === 'ImportExpression') return node.source;
  if (node.type === 'CallExpression' && node.callee.type === 'Import') return node.arguments[0] ?? null;
  return null;
}

export function stringValue(node: AnyNode | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? null;
  return null;
}

/** The module string of `require('x')` / require(`x`), if that is what the node is. */
export function requireSource(node: AnyNode | null | undefined): AnyNode | null {
  if (!node || node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const [argument] = node.arguments;
  return node.arguments.length === 1 && stringValue(argument) !== null ? argument : null;
}

export function escapeFor(specifier: string, quote: string): string {
  return quote === '`' || quote === '"' || quote === "'" ? specifier.split(quote).join('\\' + quote) : specifier;
}

export interface ModuleReferences {
  /** `const { A, B: C } = require('x')` declarations: the import model edits them as declarations. */
  requireDeclarations: AnyNode[];
  /** Every other module string. */
  strings: JsModuleString[];
}

/**
 * Only these forms can hide below the top level, and each spells one of these words (a comment may follow
 * it: `/*`; or the end of parentheses around it: `(jest).mock('x')`).
 */
const NESTED_FORMS = /\brequire\b|\bimport\s*(?:\(|\/[/*])|\b(?:jest|vi)\s*(?:[.)]|\/[/*])/;

/** `const { A, B: C } = require('x')`, exactly that shape. */
function isRequireDeclaration(node: AnyNode): boolean {
  if (node.type !== 'VariableDeclaration' || node.declarations.length !== 1) return false;
  const [declarator] = node.declarations;
  return !!requireSource(declarator.init) && declarator.id.type === 'ObjectPattern' && declarator.id.properties.every(isPlainProperty);
}

function isPlainProperty(property: AnyNode): boolean {
  return property.type === 'ObjectProperty' && !property.computed && property.value.type === 'Identifier' &&
    (property.key.type === 'Identifier' || property.key.type === 'StringLiteral');
}

/**
 * One walk for every module reference outside `import`/`export … from`. A file whose text names none of
 * `require`, `import(` or a mock object is only scanned at the top level, where the other forms live.
 * `requireIsGlobal` (whether `require` is the module system's, not a binding of the file's own) may be a
 * function: it is then asked only when a `require` call is met, so a file without one needs no scopes.
 */
export function scanModuleReferences(program: AnyNode, text: string, isGlobal: boolean | (() => boolean)): ModuleReferences {
  let answer: boolean | undefined = typeof isGlobal === 'boolean' ? isGlobal : undefined;
  const requireIsGlobal = (): boolean => (answer ??= (isGlobal as () => boolean)());
  const requireDeclarations: AnyNode[] = [];
  const strings: JsModuleString[] = [];
  let parent: AnyNode | null = null;
  const add = (form: ModuleStringForm, literal: AnyNode | null | undefined, owner: AnyNode): void => {
    const value = stringValue(literal);
    if (!literal || value === null) return;
    const member = form === 'import-type' ? importTypeMember(owner, parent) : undefined;
    const flags = {
      loads: LOADING_FORMS.has(form) && owner.exportKind !== 'type',
      typeOnly: form === 'import-type' || form === 'declare-module',
      mocks: form === 'mock' && MOCKING_METHODS.has(owner.callee.property.name),
    };
    const set = Object.fromEntries(Object.entries(flags).filter(([, on]) => on));
    strings.push({ form, label: LABELS[form], literal, owner, value, ...(member ? { member } : {}), ...set });
  };
  const visit = (node: AnyNode): void => {
    const saved = parent;
    visitNode(node);
    parent = saved;
  };
  const visitChildren = (node: AnyNode): void => {
    parent = node;
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === 'string') visit(c);
      } else if (child && typeof child.type === 'string') {
        visit(child);
      }
    }
  };
  const visitNode = (node: AnyNode): void => {
    switch (node.type) {
      case 'ExportAllDeclaration':
        add('export-all', node.source, node);
        return;
      case 'TSImportType':
        add('import-type', node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument, node);
        break;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') add('import-equals', node.moduleReference.expression, node);
        return;
      case 'TSModuleDeclaration':
        if (node.id.type === 'StringLiteral') add('declare-module', node.id, node);
        break;
      case 'VariableDeclaration':
        if (isRequireDeclaration(node) && requireIsGlobal()) {
          requireDeclarations.push(node);
          // The require call is the declaration's; default values in the pattern may still hold references.
          for (const property of node.declarations[0].id.properties) visit(property);
          return;
        }
        break;
      case 'CallExpression':
        if (isMockCall(node)) {
          const [first] = node.arguments;
          const literal = first ? dynamicImportSource(first) ?? first : null;
          add('mock', literal, node);
          if (first && literal !== first) {
            // vi.mock(import('x')): the inner import() is the mock's path, not a second reference.
            parent = node;
            for (const argument of node.arguments.slice(1)) visit(argument);
            return;
          }
        } else if (isRequireResolve(node) && requireIsGlobal()) {
          add('require-resolve', node.arguments[0], node);
        } else if (requireSource(node) && requireIsGlobal()) {
          add('require', requireSource(node), node);
        }
        break;
    }
    const dynamicSource = dynamicImportSource(node);
    if (dynamicSource) add('dynamic-import', dynamicSource, node);
    visitChildren(node);
  };
  if (NESTED_FORMS.test(text)) {
    visit(program);
  } else {
    parent = program;
    for (const statement of program.body) topLevel(statement, visit);
  }
  return { requireDeclarations, strings };
}

/** `import('./m').A.B` reaches `A`; under `typeof`, what it reaches may be a class to construct. */
function importTypeMember(owner: AnyNode, parent: AnyNode | null): ModuleMember {
  return { name: leftmostQualifier(owner)?.name ?? null, constructs: parent?.type === 'TSTypeQuery' };
}

export function leftmostQualifier(importType: AnyNode): AnyNode | null {
  let node: AnyNode | null | undefined = importType.qualifier;
  while (node?.type === 'TSQualifiedName') node = node.left;
  return node?.type === 'Identifier' ? node : null;
}

/** The forms that need no nested walk: `export *`, `import x = require`, `declare module` (also in a namespace). */
function topLevel(statement: AnyNode, visit: (node: AnyNode) => void): void {
  const node = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
  if (node.type === 'ExportAllDeclaration' || node.type === 'TSImportEqualsDeclaration') visit(node);
  else if (node.type === 'TSModuleDeclaration') {
    if (node.id.type === 'StringLiteral') visit(node);
    else if (node.body?.type === 'TSModuleBlock') for (const inner of node.body.body) topLevel(inner, visit);
  }
}
