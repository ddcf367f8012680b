/**
 * Python's scopes over pyright's parse tree: module, class, function and lambda, comprehension, and the
 * annotation scopes of type parameters and `type` aliases. A name is bound in the scope that assigns it
 * (assignment, augmented and annotated assignment, `for`, `with … as`, `except … as`, `import`, `def`,
 * `class`, parameters, `:=` in the nearest non-comprehension scope, `match` captures, `del`), unless the
 * scope declares it `global` (the module's) or `nonlocal` (an enclosing function's). A name is looked up
 * in its own scope, then in the enclosing ones, skipping class bodies. Names in annotations, string
 * annotations (`x: "Engine"`) included, are references in type position.
 *
 * Every occurrence of a bound name is a reference of its binding — loads, stores, `del`, `global` — except
 * the name an import declares, which belongs to its import statement.
 */
import type * as seam from '../language';
import type { ReferenceContext } from '../language';
import type { StringAnnotationInfo } from '@zzzen/pyright-internal/dist/parser/stringAnnotationInfo';
import {
  NodeType, forEachChild, endOf,
  type ArgumentNode, type CallNode, type ClassNode, type ComprehensionNode, type FunctionNode,
  type LambdaNode, type MemberAccessNode, type NameNode, type ParameterNode, type ParseNode, type TypeParameterListNode,
} from './syntax';

export type ScopeKind = 'module' | 'class' | 'function' | 'comprehension' | 'annotation';

export interface PyBinding extends seam.Binding {
  readonly name: string;
  readonly scope: PyScope;
  readonly references: PyReference[];
  /** Every name node that assigns it (not the one of an import, which is the import's). */
  readonly stores: NameNode[];
  /** The name nodes of the imports that bind it. */
  readonly imports: NameNode[];
  /** A module-level name: other modules can import it. */
  readonly importable: boolean;
  /** Listed in the module's `__all__` (`__all__, line 3`). */
  published?: string;
}

export interface PyReference extends seam.Reference {
  readonly node: NameNode;
  readonly scope: PyScope;
  readonly binding: PyBinding | null;
  /** `mod.Name`: the attribute access, when the reference is its object. */
  readonly access?: MemberAccessNode;
}

export class PyScope {
  readonly bindings = new Map<string, PyBinding>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();

  constructor(
    readonly kind: ScopeKind,
    readonly parent: PyScope | null,
    /** Code here does not run when the module loads (a function body, a lambda, a `type` alias). */
    readonly deferred: boolean,
  ) {}

  get module(): PyScope {
    let scope: PyScope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  binding(name: string): PyBinding {
    let binding = this.bindings.get(name);
    if (!binding) {
      binding = { name, scope: this, references: [], stores: [], imports: [], importable: this.kind === 'module' };
      this.bindings.set(name, binding);
    }
    return binding;
  }

  /** Where a name read here is found: own scope first, then enclosing ones except class bodies. */
  lookup(name: string): PyBinding | null {
    if (this.globals.has(name)) return this.module.bindings.get(name) ?? null;
    if (this.nonlocals.has(name)) return this.enclosingFunctionBinding(name);
    const own = this.bindings.get(name);
    if (own) return own;
    for (let scope = this.parent; scope; scope = scope.parent) {
      if (scope.kind === 'class') continue;
      if (scope.globals.has(name)) return scope.module.bindings.get(name) ?? null;
      if (scope.nonlocals.has(name)) return scope.enclosingFunctionBinding(name);
      const found = scope.bindings.get(name);
      if (found) return found;
    }
    return null;
  }

  private enclosingFunctionBinding(name: string): PyBinding | null {
    for (let scope = this.parent; scope && scope.kind !== 'module'; scope = scope.parent) {
      if (scope.kind === 'class') continue;
      const found = scope.bindings.get(name);
      if (found) return found;
    }
    return null;
  }
}

export interface PyScopes extends seam.Scopes {
  readonly module: PyScope;
  readonly references: readonly PyReference[];
  /** The binding a name node declares (an import's local name). */
  bindingDeclaredBy(name: NameNode): PyBinding | null;
  isNameTaken(name: string): boolean;
  aliasedBinding(binding: seam.Binding): PyBinding | null;
}

type Occurrence = {
  node: NameNode; scope: PyScope; context: ReferenceContext; store: boolean; declaresImport: boolean; access?: MemberAccessNode;
};

/** Calls whose second argument is a class that is only tested against, never constructed. */
const TYPE_TESTS = new Set(['isinstance', 'issubclass']);

class Analyzer {
  readonly module = new PyScope('module', null, false);
  private readonly scopes: PyScope[] = [this.module];
  private readonly occurrences: Occurrence[] = [];
  private readonly declaredBy = new Map<NameNode, PyBinding>();
  /** `Alias = Name` assignments, by the name node of Alias. */
  private readonly aliasOf = new Map<NameNode, NameNode>();

  constructor(private readonly annotations: StringAnnotationInfo) {}

  run(statements: readonly ParseNode[]): PyScopes {
    for (const statement of statements) this.visit(statement, this.module, 'value');
    // Stores first, so that every read finds the scope's bindings wherever they are assigned.
    for (const o of this.occurrences) {
      if (!o.store) continue;
      const scope = o.scope.globals.has(o.node.d.value) ? this.module : o.scope;
      if (o.scope.nonlocals.has(o.node.d.value)) continue;
      const binding = scope.binding(o.node.d.value);
      if (o.declaresImport) {
        this.declaredBy.set(o.node, binding);
        binding.imports.push(o.node);
      } else {
        binding.stores.push(o.node);
      }
    }
    const references: PyReference[] = [];
    const unbound = new Set<string>();
    for (const o of this.occurrences) {
      if (o.declaresImport) continue;
      const binding = o.scope.lookup(o.node.d.value);
      const reference: PyReference = {
        node: o.node, scope: o.scope, binding, name: o.node.d.value, context: o.context,
        start: o.node.start, end: endOf(o.node), deferred: isDeferred(o.scope),
        ...(o.access ? { access: o.access, member: { name: o.access.d.member.d.value, context: accessContext(o.access) } } : {}),
      };
      references.push(reference);
      if (binding) binding.references.push(reference);
      else unbound.add(reference.name);
    }
    references.sort((a, b) => a.start - b.start);
    for (const binding of this.allBindings()) binding.references.sort((a, b) => a.start - b.start);
    const taken = new Set([...unbound, ...[...this.allBindings()].map((b) => b.name)]);
    const { declaredBy, aliasOf } = this;
    return {
      module: this.module,
      references,
      bindingDeclaredBy: (name) => declaredBy.get(name) ?? null,
      isNameTaken: (name) => taken.has(name),
      aliasedBinding: (binding) => {
        const stores = (binding as PyBinding).stores;
        if (!stores || stores.length !== 1) return null;
        const value = aliasOf.get(stores[0]);
        return value ? (references.find((r) => r.node === value)?.binding ?? null) : null;
      },
    };
  }

  private *allBindings(): Generator<PyBinding> {
    for (const scope of this.scopes) yield* scope.bindings.values();
  }

  private scope(kind: ScopeKind, parent: PyScope, deferred: boolean): PyScope {
    const scope = new PyScope(kind, parent, deferred);
    this.scopes.push(scope);
    return scope;
  }

  private occur(node: NameNode, scope: PyScope, context: ReferenceContext, store = false, declaresImport = false, access?: MemberAccessNode): void {
    this.occurrences.push({ node, scope, context, store, declaresImport, ...(access ? { access } : {}) });
  }

  /** A target of an assignment, `for`, `with`, `del`…: every name in it is stored; the rest is read. */
  private target(node: ParseNode, scope: PyScope): void {
    switch (node.nodeType) {
      case NodeType.Name:
        this.occur(node, scope, 'value', true);
        return;
      case NodeType.Tuple:
      case NodeType.List:
        for (const item of node.d.items) this.target(item, scope);
        return;
      case NodeType.Unpack:
        this.target(node.d.expr, scope);
        return;
      case NodeType.TypeAnnotation:
        this.target(node.d.valueExpr, scope);
        this.annotation(node.d.annotation, scope);
        return;
      case NodeType.Error:
        if (node.d.child) this.target(node.d.child, scope);
        return;
      default:
        // `a.b = …`, `a[i] = …`: a read of `a`.
        this.visit(node, scope, 'value');
    }
  }

  private annotation(node: ParseNode | undefined, scope: PyScope): void {
    if (node) this.visit(node, scope, 'type');
  }

  private visitAll(nodes: readonly (ParseNode | undefined)[], scope: PyScope, context: ReferenceContext): void {
    for (const node of nodes) if (node) this.visit(node, scope, context);
  }

  private visit(node: ParseNode, scope: PyScope, context: ReferenceContext): void {
    switch (node.nodeType) {
      case NodeType.Name:
        this.occur(node, scope, context);
        return;
      case NodeType.MemberAccess:
        // `a.b`: only `a` is a name; `b` is an attribute, which the reference to `a` records.
        if (node.d.leftExpr.nodeType === NodeType.Name) this.occur(node.d.leftExpr, scope, context === 'type' ? 'type' : 'value', false, false, node);
        else this.visit(node.d.leftExpr, scope, context === 'type' ? 'type' : 'value');
        return;
      case NodeType.StringList: {
        const parsed = this.annotations.get(node);
        if (parsed && context === 'type') this.visit(parsed, scope, 'type');
        else this.visitAll(node.d.strings, scope, 'value');
        return;
      }
      case NodeType.Call:
        this.visitCall(node, scope, context);
        return;
      case NodeType.Argument:
        // `f(key=value)`: `key` is no name of the scope.
        this.visit(node.d.valueExpr, scope, context);
        return;
      case NodeType.Assignment:
        this.visit(node.d.rightExpr, scope, 'value');
        if (node.d.annotationComment) this.annotation(node.d.annotationComment, scope);
        this.target(node.d.leftExpr, scope);
        if (node.d.leftExpr.nodeType === NodeType.Name && node.d.rightExpr.nodeType === NodeType.Name) {
          this.aliasOf.set(node.d.leftExpr, node.d.rightExpr);
        }
        return;
      case NodeType.AugmentedAssignment:
        this.visit(node.d.rightExpr, scope, 'value');
        this.target(node.d.leftExpr, scope);
        return;
      case NodeType.TypeAnnotation:
        // `x: T` alone declares `x` in a function (it is then local there).
        this.target(node, scope);
        return;
      case NodeType.AssignmentExpression: {
        this.visit(node.d.rightExpr, scope, 'value');
        let owner = scope;
        while (owner.kind === 'comprehension' && owner.parent) owner = owner.parent;
        this.occur(node.d.name, owner, 'value', true);
        return;
      }
      case NodeType.Del:
        for (const target of node.d.targets) this.target(target, scope);
        return;
      case NodeType.Global:
        for (const name of node.d.targets) {
          scope.globals.add(name.d.value);
          this.occur(name, scope, 'value');
        }
        return;
      case NodeType.Nonlocal:
        for (const name of node.d.targets) {
          scope.nonlocals.add(name.d.value);
          this.occur(name, scope, 'value');
        }
        return;
      case NodeType.Import:
        for (const clause of node.d.list) {
          // `import a.b` binds `a`; `import a.b as m` binds `m`.
          const bound = clause.d.alias ?? clause.d.module.d.nameParts[0];
          if (bound) this.occur(bound, scope, 'value', true, true);
        }
        return;
      case NodeType.ImportFrom:
        for (const name of node.d.imports) this.occur(name.d.alias ?? name.d.name, scope, 'value', true, true);
        return;
      case NodeType.Function:
        this.visitFunction(node, scope);
        return;
      case NodeType.Lambda:
        this.visitLambda(node, scope);
        return;
      case NodeType.Class:
        this.visitClass(node, scope);
        return;
      case NodeType.Comprehension:
        this.visitComprehension(node, scope, context);
        return;
      case NodeType.For:
        this.visit(node.d.iterableExpr, scope, 'value');
        this.target(node.d.targetExpr, scope);
        this.visit(node.d.forSuite, scope, 'value');
        if (node.d.elseSuite) this.visit(node.d.elseSuite, scope, 'value');
        return;
      case NodeType.WithItem:
        this.visit(node.d.expr, scope, 'value');
        if (node.d.target) this.target(node.d.target, scope);
        return;
      case NodeType.Except:
        // `except Error:` tests the class; it never constructs it.
        if (node.d.typeExpr) this.visit(node.d.typeExpr, scope, 'instanceof');
        if (node.d.name) this.occur(node.d.name, scope, 'value', true);
        this.visit(node.d.exceptSuite, scope, 'value');
        return;
      case NodeType.PatternCapture:
        if (!node.d.isWildcard) this.occur(node.d.target, scope, 'value', true);
        return;
      case NodeType.PatternAs:
        this.visitAll(node.d.orPatterns, scope, 'value');
        if (node.d.target) this.occur(node.d.target, scope, 'value', true);
        return;
      case NodeType.PatternClass:
        // `case Engine(x=…)`: a test of the class; `x` is an attribute.
        this.visit(node.d.className, scope, 'instanceof');
        for (const argument of node.d.args) this.visit(argument.d.pattern, scope, 'value');
        return;
      case NodeType.PatternMappingExpandEntry:
        this.occur(node.d.target, scope, 'value', true);
        return;
      case NodeType.TypeAlias: {
        this.occur(node.d.name, scope, 'value', true);
        const inner = this.scope('annotation', scope, true);
        if (node.d.typeParams) this.typeParameters(node.d.typeParams, inner);
        this.visit(node.d.expr, inner, 'type');
        return;
      }
      default: {
        // Inside a type, everything is a type; `isinstance(x, (A, B))` tests each class of the tuple.
        const inner = context === 'type' || (context === 'instanceof' && node.nodeType === NodeType.Tuple) ? context : 'value';
        forEachChild(node, (child) => this.visit(child, scope, inner));
      }
    }
  }

  private visitCall(node: CallNode, scope: PyScope, context: ReferenceContext): void {
    const callee = node.d.leftExpr;
    // `Engine(ctx)` constructs (or calls) what `Engine` names.
    if (callee.nodeType === NodeType.Name) this.occur(callee, scope, context === 'type' ? 'type' : 'new-callee');
    else this.visit(callee, scope, context === 'type' ? 'type' : 'value');
    const typeTest = callee.nodeType === NodeType.Name && TYPE_TESTS.has(callee.d.value);
    node.d.args.forEach((argument: ArgumentNode, i: number) => {
      const tested = typeTest && i === 1 && !argument.d.name;
      this.visit(argument.d.valueExpr, scope, tested ? 'instanceof' : context === 'type' ? 'type' : 'value');
    });
  }

  private typeParameters(list: TypeParameterListNode, scope: PyScope): void {
    for (const param of list.d.params) {
      this.occur(param.d.name, scope, 'value', true);
      if (param.d.boundExpr) this.visit(param.d.boundExpr, scope, 'type');
      if (param.d.defaultExpr) this.visit(param.d.defaultExpr, scope, 'type');
    }
  }

  /** Defaults and annotations are evaluated where the function is defined; names, in its own scope. */
  private parameters(params: readonly ParameterNode[], outer: PyScope, inner: PyScope): void {
    for (const param of params) {
      if (param.d.defaultValue) this.visit(param.d.defaultValue, outer, 'value');
      this.annotation(param.d.annotation ?? param.d.annotationComment, outer);
      if (param.d.name) this.occur(param.d.name, inner, 'value', true);
    }
  }

  /**
   * A `def` or `class` head: its decorators (where it is defined), then the scope its signature or bases
   * are read in — an annotation scope of its own when it has type parameters (`def f[T]()`).
   */
  private head(node: FunctionNode | ClassNode, scope: PyScope): PyScope {
    for (const decorator of node.d.decorators) this.visit(decorator.d.expr, scope, 'value');
    if (!node.d.typeParams) return scope;
    const outer = this.scope('annotation', scope, scope.deferred);
    this.typeParameters(node.d.typeParams, outer);
    return outer;
  }

  private visitFunction(node: FunctionNode, scope: PyScope): void {
    const outer = this.head(node, scope);
    const inner = this.scope('function', outer, true);
    this.parameters(node.d.params, outer, inner);
    this.annotation(node.d.returnAnnotation, outer);
    if (node.d.funcAnnotationComment) this.visit(node.d.funcAnnotationComment, outer, 'type');
    this.occur(node.d.name, scope, 'value', true);
    this.visit(node.d.suite, inner, 'value');
  }

  private visitLambda(node: LambdaNode, scope: PyScope): void {
    const inner = this.scope('function', scope, true);
    this.parameters(node.d.params, scope, inner);
    this.visit(node.d.expr, inner, 'value');
  }

  private visitClass(node: ClassNode, scope: PyScope): void {
    const outer = this.head(node, scope);
    // `class C(Base, metaclass=M)`: the bases are extended; keywords are plain values.
    for (const argument of node.d.arguments) this.visit(argument.d.valueExpr, outer, argument.d.name ? 'value' : 'extends');
    this.occur(node.d.name, scope, 'value', true);
    // A class body runs when the class is defined: as deferred as the code around it.
    this.visit(node.d.suite, this.scope('class', outer, scope.deferred), 'value');
  }

  /** The first iterable is evaluated outside; the targets, conditions and element inside. */
  private visitComprehension(node: ComprehensionNode, scope: PyScope, context: ReferenceContext): void {
    const inner = this.scope('comprehension', scope, scope.deferred);
    node.d.forIfNodes.forEach((clause, i) => {
      if (clause.nodeType === NodeType.ComprehensionFor) {
        this.visit(clause.d.iterableExpr, i === 0 ? scope : inner, 'value');
        this.target(clause.d.targetExpr, inner);
      } else {
        this.visit(clause.d.testExpr, inner, 'value');
      }
    });
    this.visit(node.d.expr, inner, context === 'type' ? 'type' : 'value');
  }
}

/** `mod.Engine(ctx)` calls what it reaches; anything else uses it as a value. */
function accessContext(access: MemberAccessNode): ReferenceContext {
  const parent = access.parent;
  return parent?.nodeType === NodeType.Call && parent.d.leftExpr === access ? 'new-callee' : 'value';
}

function isDeferred(scope: PyScope): boolean {
  for (let s: PyScope | null = scope; s; s = s.parent) if (s.deferred) return true;
  return false;
}

export function analyzeScopes(statements: readonly ParseNode[], annotations: StringAnnotationInfo): PyScopes {
  return new Analyzer(annotations).run(statements);
}
