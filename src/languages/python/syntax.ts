/**
 * pyright's parse tree, as the rest of this folder uses it: the node types by name (the package's
 * `ParseNodeType` is a const enum, which isolated modules cannot read, so its runtime object is read
 * once here), and a walk over any node's children.
 */
import * as parseNodes from '@zzzen/pyright-internal/dist/parser/parseNodes';
import type {
  ArgumentNode, AssignmentExpressionNode, AssignmentNode, AugmentedAssignmentNode, CallNode, CaseNode, ClassNode,
  ComprehensionForNode, ComprehensionNode, DecoratorNode, DelNode, ErrorNode, ExceptNode, ForNode, FormatStringNode,
  FunctionNode, GlobalNode, IfNode, ImportAsNode, ImportFromAsNode, ImportFromNode, ImportNode, IndexNode,
  LambdaNode, ListNode, MemberAccessNode, ModuleNameNode, ModuleNode, NameNode, NonlocalNode, ParameterNode,
  ParseNode, PatternAsNode, PatternCaptureNode, PatternMappingExpandEntryNode, PatternClassNode, StatementListNode, StringListNode,
  StringNode, SuiteNode, TryNode, TupleNode, TypeAliasNode, TypeAnnotationNode, TypeParameterListNode,
  TypeParameterNode, UnpackNode, WhileNode, WithItemNode, WithNode, MatchNode,
} from '@zzzen/pyright-internal/dist/parser/parseNodes';

export type * from '@zzzen/pyright-internal/dist/parser/parseNodes';

type TypeOf<N> = N extends { readonly nodeType: infer T } ? T : never;

const runtime = (parseNodes as unknown as { ParseNodeType: Record<string, number> }).ParseNodeType;

function kind<N>(name: string): TypeOf<N> {
  const value = runtime[name];
  if (typeof value !== 'number') throw new Error(`pyright's parser has no node type ${name}`);
  return value as TypeOf<N>;
}

/** The node types this folder tells apart, by name. */
export const NodeType = {
  Error: kind<ErrorNode>('Error'),
  Argument: kind<ArgumentNode>('Argument'),
  Assignment: kind<AssignmentNode>('Assignment'),
  AssignmentExpression: kind<AssignmentExpressionNode>('AssignmentExpression'),
  AugmentedAssignment: kind<AugmentedAssignmentNode>('AugmentedAssignment'),
  Call: kind<CallNode>('Call'),
  Case: kind<CaseNode>('Case'),
  Class: kind<ClassNode>('Class'),
  Comprehension: kind<ComprehensionNode>('Comprehension'),
  ComprehensionFor: kind<ComprehensionForNode>('ComprehensionFor'),
  Decorator: kind<DecoratorNode>('Decorator'),
  Del: kind<DelNode>('Del'),
  Except: kind<ExceptNode>('Except'),
  For: kind<ForNode>('For'),
  FormatString: kind<FormatStringNode>('FormatString'),
  Function: kind<FunctionNode>('Function'),
  Global: kind<GlobalNode>('Global'),
  If: kind<IfNode>('If'),
  Import: kind<ImportNode>('Import'),
  ImportAs: kind<ImportAsNode>('ImportAs'),
  ImportFrom: kind<ImportFromNode>('ImportFrom'),
  ImportFromAs: kind<ImportFromAsNode>('ImportFromAs'),
  Index: kind<IndexNode>('Index'),
  Lambda: kind<LambdaNode>('Lambda'),
  List: kind<ListNode>('List'),
  Match: kind<MatchNode>('Match'),
  MemberAccess: kind<MemberAccessNode>('MemberAccess'),
  Module: kind<ModuleNode>('Module'),
  ModuleName: kind<ModuleNameNode>('ModuleName'),
  Name: kind<NameNode>('Name'),
  Nonlocal: kind<NonlocalNode>('Nonlocal'),
  Parameter: kind<ParameterNode>('Parameter'),
  PatternAs: kind<PatternAsNode>('PatternAs'),
  PatternCapture: kind<PatternCaptureNode>('PatternCapture'),
  PatternClass: kind<PatternClassNode>('PatternClass'),
  PatternMappingExpandEntry: kind<PatternMappingExpandEntryNode>('PatternMappingExpandEntry'),
  StatementList: kind<StatementListNode>('StatementList'),
  String: kind<StringNode>('String'),
  StringList: kind<StringListNode>('StringList'),
  Suite: kind<SuiteNode>('Suite'),
  Try: kind<TryNode>('Try'),
  Tuple: kind<TupleNode>('Tuple'),
  TypeAlias: kind<TypeAliasNode>('TypeAlias'),
  TypeAnnotation: kind<TypeAnnotationNode>('TypeAnnotation'),
  TypeParameter: kind<TypeParameterNode>('TypeParameter'),
  TypeParameterList: kind<TypeParameterListNode>('TypeParameterList'),
  Unpack: kind<UnpackNode>('Unpack'),
  While: kind<WhileNode>('While'),
  With: kind<WithNode>('With'),
  WithItem: kind<WithItemNode>('WithItem'),
} as const;

/** `*args` / `**kwargs` in a call: ArgCategory's UnpackedList and UnpackedDictionary. */
export const SIMPLE_ARGUMENT = 0;

export function endOf(node: { start: number; length: number }): number {
  return node.start + node.length;
}

/** Calls `visit` on each of a node's children: every parse node its data (`d`) holds, arrays flattened. */
export function forEachChild(node: ParseNode, visit: (child: ParseNode) => void): void {
  const data = node.d as Record<string, unknown>;
  for (const key in data) {
    const value = data[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/** A node's children (not always in source order). */
export function childrenOf(node: ParseNode): ParseNode[] {
  const children: ParseNode[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

function isNode(value: unknown): value is ParseNode {
  return typeof value === 'object' && value !== null && typeof (value as { nodeType?: unknown }).nodeType === 'number' &&
    typeof (value as { d?: unknown }).d === 'object';
}

/** The statements of a module or suite, simple statements (`a; b`) taken out of their statement lists. */
export function simpleStatements(statements: readonly ParseNode[]): ParseNode[] {
  return statements.flatMap((s) => (s.nodeType === NodeType.StatementList ? s.d.statements : [s]));
}
