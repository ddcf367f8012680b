/**
 * One parsed Python file, as the engine and the transforms see it: its import statements, module strings
 * (mock targets, `import_module`, star imports), scopes and construct calls (`Engine(ctx)`), and the
 * edits that spell each rewrite in Python. Every edit is a character range of the original text.
 */
import type { ImportDecl, ImportModel, ImportSpec, ReadDeclaration } from '../import-model';
import type { ConstructCall, ModuleString, Reference, SourceFile, SpecifierWriter, TextEdit } from '../language';
import type { ParsedPython } from './parse';
import { analyzeScopes, type PyBinding, type PyReference, type PyScopes } from './scope';
import { readImports, type PyImportSyntax } from './import-reader';
import { renderImports } from './import-renderer';
import { scanModuleStrings, starImportString, type PyModuleString } from './module-strings';
import { attributeChains, type Chains } from './attribute-chains';
import { namesOf } from './module-exports';
import { positionAt } from '../../shared/text-position';
import { NodeType, SIMPLE_ARGUMENT, endOf, type CallNode, type ImportFromNode } from './syntax';

interface PyConstructCall extends ConstructCall {
  node: CallNode;
  callee: PyReference;
}

/** Where a plain dotted import keeps the question its `pinned` answers (the attribute chains, analysed when asked). */
const PINNED_BY = Symbol('pinnedBy');

/**
 * One getter for every plain dotted import, the question kept in the declaration itself: a closure given as
 * each declaration's own getter would be kept in its hidden class, in the old generation, and the file's
 * whole tree with it (LazyBindingName in import-model.ts says what that cost).
 */
function pinnedGetter(this: { [PINNED_BY]: () => string | undefined }): string | undefined {
  return this[PINNED_BY]();
}

export class PythonFile implements SourceFile {
  readonly defaultImportForm = 'from';
  private scopeAnalysis: PyScopes | undefined;
  private read: { declarations: ReadDeclaration[]; stars: ImportFromNode[] } | undefined;
  private strings: PyModuleString[] | undefined;
  private chainAnalysis: Chains | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly parsed: ParsedPython,
  ) {}

  get scopes(): PyScopes {
    if (!this.scopeAnalysis) {
      const { statements } = this.parsed.tree.d;
      this.scopeAnalysis = analyzeScopes(statements, this.parsed.results.parserOutput.stringAnnotations);
      // A name of `__all__` is the module's public interface: `from module import *` hands it out.
      const own = namesOf(statements);
      for (const name of own.all ?? []) {
        const binding = this.scopeAnalysis.module.bindings.get(name);
        if (binding) binding.published = `__all__, line ${positionAt(this.text, own.allAt!).line}`;
      }
    }
    return this.scopeAnalysis;
  }

  private get imports(): { declarations: ReadDeclaration[]; stars: ImportFromNode[] } {
    return (this.read ??= readImports({
      statements: this.parsed.tree.d.statements,
      bindingDeclaredBy: (name) => this.scopes.bindingDeclaredBy(name),
    }));
  }

  /** `import legacy.mod`'s attribute chains, and the imports they pin (attribute-chains.ts); analysed when asked. */
  private get chains(): Chains {
    return (this.chainAnalysis ??= attributeChains(this.imports.declarations, this.scopes, this.text));
  }

  private get hasPlainDottedImport(): boolean {
    return this.imports.declarations.some((d) => d.form === 'import' && d.specs.length === 0);
  }

  readImports(): ReadDeclaration[] {
    const { declarations } = this.imports;
    for (const decl of declarations) {
      if (decl.form !== 'import' || decl.specs.length > 0) continue;
      Object.defineProperty(decl, PINNED_BY, { value: () => this.chains.pinned.get(decl), configurable: true });
      Object.defineProperty(decl, 'pinned', { get: pinnedGetter, enumerable: true, configurable: true });
    }
    return declarations;
  }

  get moduleStrings(): readonly PyModuleString[] {
    return (this.strings ??= [
      ...this.imports.stars.map(starImportString),
      ...scanModuleStrings(this.parsed.tree, this.text),
      ...(this.hasPlainDottedImport ? this.chains.strings : []),
    ].sort((a, b) => a.literal.start - b.literal.start));
  }

  /** `Engine(ctx)`, or `mod.Engine(ctx)`: the call whose callee the reference is (or starts). */
  constructCall(reference: Reference): PyConstructCall | null {
    const callee = reference as PyReference;
    const viaModule = callee.access && reference.member?.context === 'new-callee';
    if (reference.context !== 'new-callee' && !viaModule) return null;
    const node = (viaModule ? callee.access! : callee.node).parent;
    if (node?.nodeType !== NodeType.Call) return null;
    const shown = viaModule ? `${reference.name}.${reference.member!.name}()` : `${reference.name}()`;
    return {
      node, callee, start: node.start, end: endOf(node), calleeName: reference.name, shown,
      argumentCount: node.d.args.length, hasSpread: node.d.args.some((a) => a.d.argCategory !== SIMPLE_ARGUMENT),
    };
  }

  /** A Python name has one spelling wherever it is: `Alias` ➔ `Canonical`. */
  renameReference(reference: Reference, name: string): TextEdit[] {
    return [{ start: reference.start, end: reference.end, text: name }];
  }

  /**
   * ExecutionEngine(ctx) ➔ create_user_execution_engine(ctx); mod.ExecutionEngine(ctx) ➔
   * create_user_execution_engine(ctx): only the callee changes.
   */
  rewriteConstructCall(call: ConstructCall, factory: string): TextEdit[] {
    const { callee, node } = call as PyConstructCall;
    const end = node.d.leftExpr === callee.access ? endOf(callee.access) : callee.end;
    return [{ start: callee.start, end, text: factory }];
  }

  /**
   * from legacy import * ➔ from canonical import *; importlib.import_module('legacy') ➔ (…'canonical');
   * patch('legacy.Engine.run') ➔ patch('canonical.UserEngine.run'): the module's part, and the member after
   * it when asked, change; what follows them stays.
   */
  repointModuleString(string: ModuleString, specifier: string, member?: string): TextEdit[] {
    const { content, attributeSeparator } = string as PyModuleString;
    if (attributeSeparator === undefined || !string.member?.name) return [{ start: content.start, end: content.end, text: specifier }];
    const end = content.start + string.value.length + attributeSeparator.length + string.member.name.length;
    return [{ start: content.start, end, text: specifier + attributeSeparator + (member ?? string.member.name) }];
  }

  renderImports(model: ImportModel, specifierFor: SpecifierWriter): TextEdit[] {
    const eol = /\r\n/.test(this.text) ? '\r\n' : '\n';
    return renderImports(model, { text: this.text, eol, statements: this.parsed.tree.d.statements, specifierFor });
  }

  /**
   * Python binds an imported name when the statement runs: names move only into an earlier import of the
   * same block (never out of `if TYPE_CHECKING:`, a `try:` or a function, never later than they were),
   * and only names nothing else in the file assigns, so that no assignment between the two lines changes
   * what they mean. A statement whose every name moves is repointed in place instead: only its module's
   * name changes, and the file keeps its shape.
   */
  mayMerge(into: ImportDecl, from: ImportDecl | null, specs: readonly ImportSpec[]): boolean {
    if (into === from) return true;
    if (!from || !into.span || !from.span) return false;
    const wholeStatement = specs.length > 0 && specs.every((s) => from.specs.includes(s)) && from.specs.filter((s) => !s.removed).every((s) => specs.includes(s));
    if (wholeStatement) return false;
    const a = into.syntax as PyImportSyntax;
    const b = from.syntax as PyImportSyntax;
    if (a.block !== b.block || into.span.end > from.span.start) return false;
    return specs.every((spec) => {
      const binding = spec.binding as PyBinding | null;
      return !binding || (binding.stores.length === 0 && binding.imports.length <= 1);
    });
  }
}
