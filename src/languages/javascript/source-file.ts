/**
 * One parsed JavaScript/TypeScript file, as the engine and the transforms see it: its module
 * declarations, module strings, scopes and construct calls, and the edits that spell each rewrite in
 * JavaScript. Every edit is a character range of the original text: nothing is reprinted.
 */
import type { File } from '@babel/types';
import type { ImportModel, ReadDeclaration } from '../import-model';
import { WHOLE_FILE_NEEDED, type ConstructCall, type ModuleString, type RenderOptions, type SourceFile, type SpecifierWriter, type TextEdit } from '../language';
import { analyzeScopes, type AnyNode, type Reference, type ScopeAnalysis } from './scope';
import { escapeFor, leftmostQualifier, scanModuleReferences, type JsModuleString, type ModuleReferences } from './module-strings';
import { readImports } from './import-reader';
import { renderImports } from './import-renderer';
import type { ParseSettings } from './parse';
import { rewriteParses } from './rewrite-check';
import { readStyle } from './style';
import { relayoutStatements } from './relayout';
import { identifierEnd } from './trivia';

interface JsConstructCall extends ConstructCall {
  node: AnyNode;
}

export class JavaScriptFile implements SourceFile {
  readonly defaultImportForm = 'import';
  private scopeAnalysis: ScopeAnalysis | undefined;
  private references: ModuleReferences | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly ast: File,
    /** The parser setting it parsed under; without it, no part of a rewrite can be checked alone. */
    private readonly settings?: ParseSettings,
    /** Set when `ast` is the import prologue's alone (prologue.ts): where the prologue ends. */
    private readonly headEnd?: number,
  ) {}

  private get program(): AnyNode {
    return this.ast.program as unknown as AnyNode;
  }

  /**
   * Computed when first asked for: a file whose imports are all canonical and unaliased (a third of the
   * files the pre-filter lets through, typically) needs none.
   */
  get scopes(): ScopeAnalysis {
    // Bindings and references are the whole file's.
    if (this.headEnd !== undefined) throw WHOLE_FILE_NEEDED;
    return (this.scopeAnalysis ??= analyzeScopes(this.ast.program));
  }

  private get scanned(): ModuleReferences {
    if (!this.references) {
      // Whether `require` is the file's own binding is asked (and the scopes analysed) only at a require() call.
      this.references = scanModuleReferences(this.program, this.text, () => !this.scopes.program.lookup('require', 'value'));
    }
    return this.references;
  }

  get moduleStrings(): readonly JsModuleString[] {
    return this.scanned.strings;
  }

  readImports(): ReadDeclaration[] {
    return readImports({
      program: this.program,
      requireDeclarations: this.scanned.requireDeclarations,
      bindingDeclaredBy: (id) => this.scopes.bindingDeclaredBy(id),
    });
  }

  constructCall(reference: Reference): JsConstructCall | null {
    // new new ExecutionEngine(ctx)() constructs what the inner one returns: createUserExecutionEngine(ctx)() would not
    if (reference.context !== 'new-callee' || this.scopes.isCalleeOfNew(reference.parent)) return null;
    const node: AnyNode = reference.parent;
    const args: AnyNode[] = node.arguments;
    return {
      node, start: node.start, end: node.end, calleeName: reference.name, shown: `new ${reference.name}()`, argumentCount: args.length,
      hasSpread: args.some((a) => a.type === 'SpreadElement'),
    };
  }

  renameReference(reference: Reference, name: string): TextEdit[] {
    const { start, parent } = reference;
    // The name as spelled, which may be longer than the name: E\u006egine is Engine.
    const end = identifierEnd(this.text, start);
    switch (reference.context) {
      case 'shorthand-property':
        // { IsolatedExecutionEngine } ➔ { IsolatedExecutionEngine: UserExecutionEngine }
        return [{ start, end, text: `${reference.name}: ${name}` }];
      case 'export-specifier':
        // export { IsolatedExecutionEngine } ➔ export { UserExecutionEngine as IsolatedExecutionEngine }
        if (parent.exported.start === parent.local.start) return [{ start, end, text: `${name} as ${reference.name}` }];
        // export { IsolatedExecutionEngine as Engine } ➔ export { UserExecutionEngine as Engine }
        return [{ start, end, text: name }];
      default:
        // IsolatedExecutionEngine ➔ UserExecutionEngine, in values, types, typeof, JSX tags and heritage clauses
        return [{ start, end, text: name }];
    }
  }

  /**
   * new ExecutionEngine(ctx) ➔ createUserExecutionEngine(ctx); type arguments, arguments and any
   * parentheses stay as written: new (ExecutionEngine)<Ctx>(ctx) ➔ (createUserExecutionEngine)<Ctx>(ctx)
   */
  rewriteConstructCall(call: ConstructCall, factory: string): TextEdit[] {
    const { node } = call as JsConstructCall;
    const callee: AnyNode = node.callee;
    const typeArguments: AnyNode | undefined = node.typeParameters ?? node.typeArguments;
    const headEnd = typeArguments ? typeArguments.end : endOfParenthesized(this.text, callee);
    const hasParentheses = this.text.slice(headEnd, node.end).includes('(');
    const edits: TextEdit[] = [
      { start: node.start, end: callee.extra?.parenthesized ? callee.extra.parenStart : callee.start, text: '' },
      { start: callee.start, end: callee.end, text: factory },
    ];
    // new ExecutionEngine ➔ createUserExecutionEngine()
    if (!hasParentheses) edits.push({ start: node.end, end: node.end, text: '()' });
    return edits;
  }

  /**
   * jest.mock('./moved') ➔ jest.mock('./new-home'): only the string's content changes, never its quotes.
   * typeof import('./consolidated').ExecutionEngine ➔ typeof import('./canonical').UserExecutionEngine
   */
  repointModuleString(string: ModuleString, specifier: string, member?: string): TextEdit[] {
    const { literal, owner, form } = string as JsModuleString;
    const edits: TextEdit[] = [{ start: literal.start + 1, end: literal.end - 1, text: escapeFor(specifier, this.text[literal.start]) }];
    const qualifier = form === 'import-type' ? leftmostQualifier(owner) : null;
    if (member !== undefined && qualifier && qualifier.name !== member) edits.push({ start: qualifier.start, end: qualifier.end, text: member });
    return edits;
  }

  confirmsRewrite(output: string, edits: readonly TextEdit[]): boolean {
    // References are known only where a transform asked for the scopes: then an edit of a name needs no parse.
    const references = this.scopeAnalysis?.references;
    return !!this.settings && rewriteParses({ path: this.path, text: this.text, ast: this.ast, settings: this.settings, headEnd: this.headEnd, references }, output, edits);
  }

  relayout(edits: readonly TextEdit[], options: RenderOptions = {}): TextEdit[] {
    return relayoutStatements(this.path, this.text, this.program, edits, options.tree);
  }

  renderImports(model: ImportModel, specifierFor: SpecifierWriter, options: RenderOptions = {}): TextEdit[] {
    const eol = /\r\n/.test(this.text) ? '\r\n' : '\n';
    return renderImports(model, {
      text: this.text, eol, program: this.program, comments: (this.ast.comments ?? []) as unknown as AnyNode[], specifierFor,
      style: () => readStyle(this.path, this.text, model.decls, options),
    });
  }
}

/** Where `(Callee)` ends, its wrapping parentheses included: the arguments' `(` comes after. */
function endOfParenthesized(text: string, callee: AnyNode): number {
  let end = callee.end;
  if (!callee.extra?.parenthesized) return end;
  const opening = (text.slice(callee.extra.parenStart, callee.start).match(/\(/g) ?? []).length;
  for (let closed = 0; closed < opening && end < text.length; end++) if (text[end] === ')') closed++;
  return end;
}
