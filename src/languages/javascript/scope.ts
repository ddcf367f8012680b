/**
 * Scope analysis over a Babel AST, with what ast-types lacks (PITFALLS 19): block, catch and for-let
 * scopes, and two name spaces — a `let B` shadows the value `B` only, a type parameter `<B>` or a
 * `type B` the type `B` only, an import or a class both. Every identifier that refers to a binding is
 * recorded with the context a rewrite needs (a `new` callee, a shorthand property, an export specifier…).
 */
import type { Node, Identifier, JSXIdentifier } from '@babel/types';
import { VISITOR_KEYS } from './visitor-keys';
import type * as seam from '../language';
import type { ReferenceContext } from '../language';

export type { ReferenceContext };

/**
 * The name space a reference looks its name up in. `query` is the operand of a `typeof` type query: a
 * value, but one that a type-only import also provides (`import type { A }` ➔ `typeof A` is valid).
 */
export type Space = 'value' | 'type' | 'query';

export interface Binding extends seam.Binding {
  name: string;
  /** The identifier that declares it. */
  id: Identifier;
  /** The declaring node: an import specifier, a variable declarator, a class… */
  declaration: AnyNode;
  spaces: Record<Space, boolean>;
  scope: Scope;
  references: Reference[];
  /** For a variable: how it was declared. */
  declarationKind?: 'var' | 'let' | 'const' | 'using' | 'await using';
}

export interface Reference extends seam.Reference {
  node: Identifier | JSXIdentifier;
  /** The node that holds `node` (a shorthand property, an export specifier, a `new` expression…). */
  parent: AnyNode;
  context: ReferenceContext;
  space: Space;
  binding: Binding | null;
  scope: Scope;
  /** True when the reference sits in a function body, method or non-static class field (not run at import time). */
  deferred: boolean;
  /** The class bodies and object literals it sits in, outermost first. */
  containers: readonly AnyNode[];
}

export class Scope {
  readonly bindings = new Map<string, Binding[]>();
  constructor(
    readonly parent: Scope | null,
    readonly kind: 'program' | 'function' | 'block' | 'type',
  ) {}

  declare(name: string, id: Identifier, declaration: AnyNode, spaces: Binding['spaces']): Binding {
    const binding: Binding = { name, id, declaration, spaces, scope: this, references: [] };
    const list = this.bindings.get(name);
    if (list) list.push(binding);
    else this.bindings.set(name, [binding]);
    return binding;
  }

  lookup(name: string, space: Space): Binding | null {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      const list = scope.bindings.get(name);
      if (list) for (const binding of list) if (binding.spaces[space]) return binding;
    }
    return null;
  }

  functionScope(): Scope {
    let scope: Scope = this;
    while (scope.kind !== 'function' && scope.kind !== 'program' && scope.parent) scope = scope.parent;
    return scope;
  }
}

export interface ScopeAnalysis extends seam.Scopes {
  program: Scope;
  references: Reference[];
  /** Every binding of every scope, in source order. */
  bindings: Binding[];
  /** The binding an identifier declares, if it declares one. */
  bindingDeclaredBy(id: AnyNode): Binding | undefined;
  /** Names that are declared anywhere in the file, or referenced without a declaration (globals). */
  isNameTaken(name: string): boolean;
  /** `const Alias = Imported`: the binding of `Imported`. */
  aliasedBinding(binding: Binding): Binding | null;
  /** Whether a `new` expression is the callee of another `new`: `new new A()()` (made a call, it would change meaning). */
  isCalleeOfNew(node: AnyNode): boolean;
}

const VALUE_AND_TYPE = { value: true, type: true, query: true };
const VALUE_ONLY = { value: true, type: false, query: true };
const TYPE_ONLY = { value: false, type: true, query: false };
/** `import type { A }`, `import { type A }`: a type, and a value only to `typeof` in a type. */
const TYPE_ONLY_IMPORT = { value: false, type: true, query: true };

export type AnyNode = { type: string; start: number; end: number; [key: string]: any };

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod',
  'ClassPrivateMethod', 'TSDeclareFunction', 'TSDeclareMethod',
]);
const SIGNATURE_TYPES = new Set([
  'TSFunctionType', 'TSConstructorType', 'TSCallSignatureDeclaration', 'TSConstructSignatureDeclaration',
  'TSMethodSignature',
]);
/** Statements whose identifier exports whatever the name means, a type included. */
const EXPORTS_A_NAME = new Set(['ExportDefaultDeclaration', 'TSExportAssignment']);
const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range']);
/**
 * Where a statement may stand inside another, so where a `var` of the same function may hide (a function
 * or a class starts a scope of its own, and an expression holds no statement).
 */
const HOLDS_STATEMENTS: Record<string, readonly string[] | undefined> = {
  __proto__: null as never,
  BlockStatement: ['body'],
  IfStatement: ['consequent', 'alternate'],
  ForStatement: ['init', 'body'],
  ForInStatement: ['left', 'body'],
  ForOfStatement: ['left', 'body'],
  WhileStatement: ['body'],
  DoWhileStatement: ['body'],
  TryStatement: ['block', 'handler', 'finalizer'],
  CatchClause: ['body'],
  SwitchStatement: ['cases'],
  SwitchCase: ['consequent'],
  LabeledStatement: ['body'],
  WithStatement: ['body'],
  ExportNamedDeclaration: ['declaration'],
};
const CLASS_KEYS_DONE = new Set(['decorators', 'superClass', 'id']);
const ID_KEY = new Set(['id']);
const KEY_KEY = new Set(['key']);
/** Node types with no child to visit and nothing to record (literals, keyword types): not visited at all. */
const LEAVES = new Set(Object.keys(VISITOR_KEYS).filter((type) => VISITOR_KEYS[type]!.length === 0 && type !== 'JSXIdentifier'));

/** Collect the identifiers a pattern declares (not those it reads, such as defaults and computed keys). */
export function patternIdentifiers(pattern: AnyNode | null | undefined, out: Identifier[] = []): Identifier[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern as Identifier);
      break;
    case 'ObjectPattern':
      for (const prop of pattern.properties) {
        patternIdentifiers(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) patternIdentifiers(element, out);
      break;
    case 'AssignmentPattern':
      patternIdentifiers(pattern.left, out);
      break;
    case 'RestElement':
      patternIdentifiers(pattern.argument, out);
      break;
    case 'TSParameterProperty':
      patternIdentifiers(pattern.parameter, out);
      break;
  }
  return out;
}

class Analyzer {
  readonly program = new Scope(null, 'program');
  readonly references: Reference[] = [];
  readonly bindings: Binding[] = [];
  /** `new` expressions that another `new` constructs the result of, unparenthesized: `new new A()()`. */
  readonly newCallees = new Set<AnyNode>();
  /** Binding-position identifiers: visited for their type annotations, never as references. */
  private readonly declaringIds = new Set<Node>();
  private deferredDepth = 0;
  /** The class bodies and object literals being visited, outermost first (copied into each reference inside). */
  private containers: readonly AnyNode[] = [];

  run(root: Node): void {
    this.visit(root as AnyNode, null, null, this.program);
  }

  private declare(scope: Scope, id: Identifier, declaration: AnyNode, spaces: Binding['spaces']): void {
    this.declaringIds.add(id);
    this.bindings.push(scope.declare(id.name, id, declaration, spaces));
  }

  private declarePattern(scope: Scope, pattern: AnyNode, declaration: AnyNode, declarationKind?: Binding['declarationKind']): void {
    for (const id of patternIdentifiers(pattern)) {
      this.declare(scope, id, declaration, VALUE_ONLY);
      if (declarationKind) this.bindings[this.bindings.length - 1].declarationKind = declarationKind;
    }
  }

  /** Hoist the declarations that a statement list makes in `scope` (and `var`s into the function scope). */
  private hoist(statements: AnyNode[], scope: Scope): void {
    for (const statement of statements) this.hoistStatement(statement, scope);
    if (scope.kind === 'block') return;
    for (const statement of statements) this.hoistVars(statement, scope);
  }

  private hoistStatement(node: AnyNode, scope: Scope): void {
    switch (node.type) {
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        if (node.declaration) this.hoistStatement(node.declaration, scope);
        return;
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) {
          const typeOnly = node.importKind === 'type' || node.importKind === 'typeof' || (specifier as AnyNode).importKind === 'type';
          // A type-only import still occupies the value name, so a later local of that name conflicts.
          this.declare(scope, specifier.local, specifier, typeOnly ? TYPE_ONLY_IMPORT : VALUE_AND_TYPE);
        }
        return;
      case 'TSImportEqualsDeclaration':
        this.declare(scope, node.id, node, VALUE_AND_TYPE);
        return;
      case 'VariableDeclaration':
        // `var`s are declared once, by hoistVars, in the function that owns them.
        if (node.kind !== 'var') for (const declarator of node.declarations) this.declarePattern(scope, declarator.id, declarator, node.kind);
        return;
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (node.id) this.declare(scope, node.id, node, VALUE_ONLY);
        return;
      case 'ClassDeclaration':
        if (node.id) this.declare(scope, node.id, node, VALUE_AND_TYPE);
        return;
      case 'TSEnumDeclaration':
        this.declare(scope, node.id, node, VALUE_AND_TYPE);
        return;
      case 'TSModuleDeclaration':
        if (node.id.type === 'Identifier') this.declare(scope, node.id, node, VALUE_AND_TYPE);
        return;
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
        this.declare(scope, node.id, node, TYPE_ONLY);
        return;
    }
  }

  /** A `var`, however deeply nested in blocks and loops, belongs to the enclosing function. */
  private hoistVars(node: AnyNode, functionScope: Scope): void {
    if (node.type === 'VariableDeclaration') {
      if (node.kind === 'var') for (const d of node.declarations) this.declarePattern(functionScope, d.id, d, 'var');
      return;
    }
    const keys = HOLDS_STATEMENTS[node.type];
    if (keys === undefined) return;
    for (const key of keys) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c) this.hoistVars(c, functionScope);
      } else if (child) {
        this.hoistVars(child, functionScope);
      }
    }
  }

  private declareTypeParameters(params: { params?: AnyNode[] } | null | undefined, scope: Scope): void {
    for (const param of params?.params ?? []) {
      const name = typeof param.name === 'string' ? param.name : param.name?.name;
      if (!name) continue;
      // Babel 7 stores a type parameter's name as a string; give it an identifier-shaped record.
      const id = { type: 'Identifier', name, start: param.start, end: param.start + name.length } as Identifier;
      this.declare(scope, id, param, TYPE_ONLY);
    }
  }

  private addReference(node: Identifier | JSXIdentifier, parent: AnyNode, context: ReferenceContext, space: Space, scope: Scope): void {
    let binding = scope.lookup(node.name, space);
    // `export { T }`, `export default T` and `export = T` may export a type-only binding.
    if (!binding && (context === 'export-specifier' || EXPORTS_A_NAME.has(parent.type))) binding = scope.lookup(node.name, 'type');
    const { name, start, end } = node as { name: string; start: number; end: number };
    const { containers } = this;
    this.references.push({ node, parent, context, space, scope, binding, deferred: this.deferredDepth > 0, containers, name, start, end });
  }

  private visitChildren(node: AnyNode, scope: Scope, skip?: Set<string>): void {
    const keys = VISITOR_KEYS[node.type];
    if (!keys || skip) {
      this.visitChildrenSlowly(node, scope, keys ?? Object.keys(node), skip);
      return;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const child = node[key];
      if (Array.isArray(child)) {
        for (let j = 0; j < child.length; j++) {
          const c = child[j];
          if (c && typeof c.type === 'string' && !LEAVES.has(c.type)) this.visit(c, node, key, scope);
        }
      } else if (child && typeof child.type === 'string' && !LEAVES.has(child.type)) {
        this.visit(child, node, key, scope);
      }
    }
  }

  private visitChild(child: AnyNode | null | undefined, parent: AnyNode, key: string, scope: Scope): void {
    if (child && !LEAVES.has(child.type)) this.visit(child, parent, key, scope);
  }

  /** A node type Babel's table does not know (its keys read off the node), or some keys left out. */
  private visitChildrenSlowly(node: AnyNode, scope: Scope, keys: readonly string[], skip?: Set<string>): void {
    for (const key of keys) {
      if (SKIPPED_KEYS.has(key) || skip?.has(key)) continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === 'string') this.visit(c, node, key, scope);
      } else if (child && typeof child.type === 'string') {
        this.visit(child, node, key, scope);
      }
    }
  }

  private visitFunction(node: AnyNode, scope: Scope): void {
    for (const decorator of node.decorators ?? []) this.visit(decorator, node, 'decorators', scope);
    if (node.computed && node.key) this.visit(node.key, node, 'key', scope);
    const fnScope = new Scope(scope, 'function');
    if (node.type === 'FunctionExpression' && node.id) this.declare(fnScope, node.id, node, VALUE_ONLY);
    this.declareTypeParameters(node.typeParameters, fnScope);
    for (const param of node.params ?? []) this.declarePattern(fnScope, param, node);
    this.deferredDepth++;
    for (const param of node.params ?? []) this.visit(param, node, 'params', fnScope);
    if (node.typeParameters) this.visit(node.typeParameters, node, 'typeParameters', fnScope);
    if (node.returnType) this.visit(node.returnType, node, 'returnType', fnScope);
    if (node.body?.type === 'BlockStatement') {
      this.hoist(node.body.body, fnScope);
      for (const statement of node.body.body) this.visit(statement, node.body, 'body', fnScope);
    } else if (node.body) {
      this.visit(node.body, node, 'body', fnScope);
    }
    this.deferredDepth--;
  }

  private visitBlock(node: AnyNode, statements: AnyNode[], scope: Scope, skip?: Set<string>): void {
    const blockScope = new Scope(scope, 'block');
    this.hoist(statements, blockScope);
    this.visitChildren(node, blockScope, skip);
  }

  /**
   * One node: most kinds only have their children visited; the kinds that open a scope, declare or refer to a
   * name have a method of their own (kept apart so that this, the hottest function, stays small).
   */
  private visit(node: AnyNode, parent: AnyNode | null, key: string | null, scope: Scope): void {
    switch (node.type) {
      case 'Identifier':
        this.visitIdentifier(node as Identifier, parent!, key!, scope);
        return;
      case 'JSXIdentifier':
        this.visitJsxIdentifier(node as JSXIdentifier, parent!, key!, scope);
        return;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        // a.b.c: the names after a dot are members, never references (not visited at all)
        this.visitChild(node.object, node, 'object', scope);
        if (node.computed) this.visitChild(node.property, node, 'property', scope);
        return;
      case 'ObjectProperty':
      case 'TSPropertySignature':
        this.visitProperty(node, scope);
        return;
      case 'Program':
        this.hoist(node.body, scope);
        this.visitChildren(node, scope);
        return;
      case 'BlockStatement':
        this.visitBlock(node, node.body, scope);
        return;
      case 'StaticBlock':
      case 'TSModuleBlock':
        // A static block runs once, when the class is defined (like module scope, not deferred), and keeps its `var`s.
        this.visitVarScope(node, scope);
        return;
      case 'SwitchStatement':
        this.visitSwitch(node, scope);
        return;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const head = node.type === 'ForStatement' ? node.init : node.left;
        this.visitBlock(node, head?.type === 'VariableDeclaration' ? [head] : [], scope);
        return;
      }
      case 'CatchClause':
        this.visitCatch(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.visitClass(node, scope);
        return;
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty':
        this.visitClassProperty(node, scope);
        return;
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSMappedType':
      case 'TSConditionalType':
        this.visitTypeScope(node, scope);
        return;
      case 'TSTypeParameter':
      case 'TSTypeQuery':
      case 'TSTypePredicate':
      case 'TSImportType':
      case 'TSEnumDeclaration':
      case 'TSModuleDeclaration':
      case 'TSImportEqualsDeclaration':
        this.visitTypeScriptDeclaration(node, scope);
        return;
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'MetaProperty':
      // export as namespace Lib: names a global, refers to nothing
      case 'TSNamespaceExportDeclaration':
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) this.visit(node.declaration, node, 'declaration', scope);
        if (!node.source) for (const specifier of node.specifiers) this.visit(specifier, node, 'specifiers', scope);
        return;
      case 'ExportSpecifier':
        if (node.local.type === 'Identifier') this.addReference(node.local, node, 'export-specifier', 'value', scope);
        return;
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        if (node.body) this.visit(node.body, node, 'body', scope);
        return;
      case 'ClassBody':
      case 'ObjectExpression':
        this.visitContainer(node, scope);
        return;
      case 'TSIndexSignature':
        for (const param of node.parameters ?? []) this.declaringIds.add(param);
        break;
      case 'NewExpression':
        // new new A()(): the inner `new A()` is what the outer constructs
        if (node.callee.type === 'NewExpression') this.newCallees.add(node.callee);
        break;
      default:
        if (FUNCTION_TYPES.has(node.type)) {
          this.visitFunction(node, scope);
          return;
        }
        if (SIGNATURE_TYPES.has(node.type)) {
          this.visitSignature(node, scope);
          return;
        }
    }
    this.visitChildren(node, scope);
  }

  /** `{ key: value }`, `{ key: Type }`: a key that is not computed names a property, never a reference. */
  private visitProperty(node: AnyNode, scope: Scope): void {
    for (const decorator of node.decorators ?? []) this.visit(decorator, node, 'decorators', scope);
    if (node.computed) this.visitChild(node.key, node, 'key', scope);
    if (node.type === 'TSPropertySignature') {
      this.visitChild(node.typeAnnotation, node, 'typeAnnotation', scope);
    } else if (node.shorthand && node.value.type === 'AssignmentPattern' && node.value.left.type === 'Identifier') {
      // ({ A = 1 } = b): `A` is the property's name too, a shorthand like `{ A }` (renamed, it becomes `A: B = 1`)
      this.visit(node.value.left, node, 'value', scope);
      this.visitChild(node.value.right, node.value, 'right', scope);
    } else {
      this.visitChild(node.value, node, 'value', scope);
    }
  }

  /** A namespace's body or a class's static block: a scope that its `var`s do not leave. */
  private visitVarScope(node: AnyNode, scope: Scope): void {
    const varScope = new Scope(scope, 'function');
    this.hoist(node.body, varScope);
    this.visitChildren(node, varScope);
  }

  private visitSwitch(node: AnyNode, scope: Scope): void {
    this.visit(node.discriminant, node, 'discriminant', scope);
    const switchScope = new Scope(scope, 'block');
    for (const switchCase of node.cases) this.hoist(switchCase.consequent, switchScope);
    for (const switchCase of node.cases) this.visit(switchCase, node, 'cases', switchScope);
  }

  private visitCatch(node: AnyNode, scope: Scope): void {
    const catchScope = new Scope(scope, 'block');
    if (node.param) this.declarePattern(catchScope, node.param, node);
    this.visitChildren(node, catchScope);
  }

  private visitClass(node: AnyNode, scope: Scope): void {
    for (const decorator of node.decorators ?? []) this.visit(decorator, node, 'decorators', scope);
    const classScope = new Scope(scope, 'block');
    if (node.type === 'ClassExpression' && node.id) this.declare(classScope, node.id, node, VALUE_AND_TYPE);
    if (node.id) this.declaringIds.add(node.id);
    this.declareTypeParameters(node.typeParameters, classScope);
    // The heritage clause is evaluated outside the class's own type parameters' reach for values.
    if (node.superClass) this.visit(node.superClass, node, 'superClass', scope);
    this.visitChildren(node, classScope, CLASS_KEYS_DONE);
  }

  private visitClassProperty(node: AnyNode, scope: Scope): void {
    for (const decorator of node.decorators ?? []) this.visit(decorator, node, 'decorators', scope);
    if (node.computed) this.visit(node.key, node, 'key', scope);
    if (node.typeAnnotation) this.visit(node.typeAnnotation, node, 'typeAnnotation', scope);
    if (!node.static) this.deferredDepth++;
    if (node.value) this.visit(node.value, node, 'value', scope);
    if (!node.static) this.deferredDepth--;
  }

  /** A type alias, an interface, a mapped or a conditional type: the type parameters it declares, and its body. */
  private visitTypeScope(node: AnyNode, scope: Scope): void {
    const typeScope = new Scope(scope, 'type');
    switch (node.type) {
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
        this.declaringIds.add(node.id);
        this.declareTypeParameters(node.typeParameters, typeScope);
        this.visitChildren(node, typeScope, ID_KEY);
        return;
      case 'TSMappedType':
        this.declareTypeParameters({ params: [node.typeParameter] }, typeScope);
        break;
      case 'TSConditionalType':
        this.declareInferTypes(node.extendsType, typeScope);
        break;
    }
    this.visitChildren(node, typeScope);
  }

  private visitTypeScriptDeclaration(node: AnyNode, scope: Scope): void {
    switch (node.type) {
      case 'TSTypeParameter':
        if (node.constraint) this.visit(node.constraint, node, 'constraint', scope);
        if (node.default) this.visit(node.default, node, 'default', scope);
        return;
      case 'TSTypeQuery':
        this.typeQueryDepth++;
        this.visit(node.exprName, node, 'exprName', scope);
        this.typeQueryDepth--;
        if (node.typeParameters) this.visit(node.typeParameters, node, 'typeParameters', scope);
        return;
      case 'TSTypePredicate':
        if (node.typeAnnotation) this.visit(node.typeAnnotation, node, 'typeAnnotation', scope);
        return;
      case 'TSImportType':
        // The module string is a module reference and the qualifier a member name: neither is a binding.
        if (node.typeParameters) this.visit(node.typeParameters, node, 'typeParameters', scope);
        return;
      case 'TSEnumDeclaration':
        this.declaringIds.add(node.id);
        for (const member of node.members) if (member.initializer) this.visit(member.initializer, member, 'initializer', scope);
        return;
      case 'TSModuleDeclaration':
        if (node.id.type === 'Identifier') this.declaringIds.add(node.id);
        if (node.body) this.visit(node.body, node, 'body', scope);
        return;
      case 'TSImportEqualsDeclaration':
        this.declaringIds.add(node.id);
        if (node.moduleReference.type !== 'TSExternalModuleReference') this.visit(node.moduleReference, node, 'moduleReference', scope);
        return;
    }
  }

  /** A class body or an object literal: recorded around the references inside it. */
  private visitContainer(node: AnyNode, scope: Scope): void {
    const outer = this.containers;
    this.containers = [...outer, node];
    this.visitChildren(node, scope);
    this.containers = outer;
  }

  /** Parameters of a function type name values that exist only inside the type: bindings, not references. */
  private visitSignature(node: AnyNode, scope: Scope): void {
    if (node.computed && node.key) this.visit(node.key, node, 'key', scope);
    const signatureScope = new Scope(scope, 'type');
    this.declareTypeParameters(node.typeParameters, signatureScope);
    for (const param of node.parameters ?? node.params ?? []) this.declarePattern(signatureScope, param, node);
    this.visitChildren(node, signatureScope, KEY_KEY);
  }

  private declareInferTypes(node: AnyNode, scope: Scope): void {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TSInferType') this.declareTypeParameters({ params: [node.typeParameter] }, scope);
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => this.declareInferTypes(c, scope));
      else if (child && typeof child === 'object') this.declareInferTypes(child, scope);
    }
  }

  private visitIdentifier(node: Identifier, parent: AnyNode, key: string, scope: Scope): void {
    for (const decorator of (node as AnyNode).decorators ?? []) this.visit(decorator, node as AnyNode, 'decorators', scope);
    if ((node as AnyNode).typeAnnotation) this.visit((node as AnyNode).typeAnnotation, node as AnyNode, 'typeAnnotation', scope);
    if (this.declaringIds.has(node)) return;
    const context = this.identifierContext(node, parent, key);
    if (!context) return;
    const space: Space = context === 'type' ? 'type' : context === 'typeof-type' ? 'query' : 'value';
    this.addReference(node, parent, context, space, scope);
  }

  /** What an identifier in this position means; null where it names no binding (a property key, a label…). */
  private identifierContext(node: Identifier, parent: AnyNode, key: string): ReferenceContext | null {
    if (node.name === 'this' || node.name === 'undefined') return null;
    switch (parent.type) {
      case 'MemberExpression':
      case 'OptionalMemberExpression':
      case 'JSXMemberExpression':
        return key === 'property' && !parent.computed ? null : 'value';
      case 'ObjectProperty':
        if (key === 'key') return parent.computed ? 'value' : null;
        return parent.shorthand ? 'shorthand-property' : 'value';
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
      case 'ClassProperty':
      case 'ClassAccessorProperty':
      case 'TSPropertySignature':
      case 'TSMethodSignature':
      case 'TSEnumMember':
      case 'TSDeclareMethod':
      case 'TSAbstractMethodDefinition':
        return key === 'key' && !parent.computed ? null : 'value';
      case 'NewExpression':
        return key === 'callee' ? 'new-callee' : 'value';
      case 'ClassDeclaration':
      case 'ClassExpression':
        return key === 'superClass' ? 'extends' : 'value';
      case 'BinaryExpression':
        return key === 'right' && parent.operator === 'instanceof' ? 'instanceof' : 'value';
      case 'TSTypeReference':
      case 'TSExpressionWithTypeArguments':
      case 'TSClassImplements':
      case 'TSInterfaceHeritage':
        return 'type';
      case 'TSQualifiedName':
        // The leftmost name of `A.B.C` takes the meaning of the whole: a type, or a value in `typeof A.B`.
        return key === 'left' ? (this.typeQueryDepth > 0 ? 'typeof-type' : 'type') : null;
      case 'TSTypeQuery':
        return 'typeof-type';
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
      case 'ExportNamespaceSpecifier':
      case 'ExportDefaultSpecifier':
      case 'ImportAttribute':
      case 'PrivateName':
      case 'JSXAttribute':
        return null;
    }
    return 'value';
  }

  /** Inside the name of a `typeof` query, a qualified name's leftmost part is a value: `typeof A.B`. */
  private typeQueryDepth = 0;

  private visitJsxIdentifier(node: JSXIdentifier, parent: AnyNode, key: string, scope: Scope): void {
    const isElementName = parent.type === 'JSXOpeningElement' || parent.type === 'JSXClosingElement';
    const isMemberObject = parent.type === 'JSXMemberExpression' && key === 'object';
    // <b> is an intrinsic element; <B>, <B.Item> and <b.Item> name bindings.
    if ((isElementName && /^[A-Z_$]/.test(node.name)) || isMemberObject) {
      this.addReference(node, parent, 'jsx', 'value', scope);
    }
  }
}

/** The names a class body or an object literal gives its members and properties (not computed or private ones). */
function memberNames(container: AnyNode): string[] {
  const members: AnyNode[] = container.type === 'ClassBody' ? container.body : container.properties;
  return members.flatMap((member) => {
    const key = member.computed ? null : member.key;
    if (key?.type === 'Identifier') return [key.name];
    return key?.type === 'StringLiteral' ? [key.value] : [];
  });
}

export function analyzeScopes(program: Node): ScopeAnalysis {
  const analyzer = new Analyzer();
  analyzer.run(program);
  const taken = new Set<string>();
  for (const binding of analyzer.bindings) taken.add(binding.name);
  for (const reference of analyzer.references) {
    if (reference.binding) reference.binding.references.push(reference);
    else taken.add(reference.node.name);
  }
  const byId = new Map<AnyNode, Binding>();
  for (const binding of analyzer.bindings) byId.set(binding.id as AnyNode, binding);
  let referenceAt: Map<AnyNode, Reference> | undefined;
  return {
    program: analyzer.program,
    references: analyzer.references,
    bindings: analyzer.bindings,
    bindingDeclaredBy: (id) => byId.get(id),
    isNameTaken: (name) => taken.has(name),
    isCalleeOfNew: (node) => analyzer.newCallees.has(node),
    memberNamesAround: (reference) => new Set((reference as Reference).containers.flatMap(memberNames)),
    aliasedBinding: (binding) => {
      const declarator = binding.declaration;
      if (binding.declarationKind !== 'const' || declarator.type !== 'VariableDeclarator' || declarator.id !== binding.id) return null;
      referenceAt ??= new Map(analyzer.references.map((r) => [r.node as AnyNode, r]));
      return referenceAt.get(declarator.init)?.binding ?? null;
    },
  };
}
