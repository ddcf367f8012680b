/**
 * Everything the transforms share for one file: one parse, one scope analysis, one import model,
 * one list of text edits. Transforms run in turn on the same context, each seeing what the previous
 * ones decided, and the file is printed once at the end.
 */
import type { File } from '@babel/types';
import { analyzeScopes, type AnyNode, type Reference, type ScopeAnalysis } from '../languages/javascript/scope';
import { TextEdits } from './text-edits';
import { isFileError, positionAt, type Finding, type FindingKind } from './results';
import type { Registry, LegacySymbol, CanonicalSymbol, ModuleMove } from '../registry/types';
import { moduleKey, type ModuleRef } from '../languages/javascript/resolve';
import { ImportModel } from './import-model';
import { escapeFor, scanModuleReferences, type ModuleReferences } from '../languages/javascript/module-strings';
import { mayReachRegistry } from '../registry/prefilter';

export class FileContext {
  readonly edits = new TextEdits();
  readonly findings: Finding[] = [];
  /** Every fragmented site seen, fixed or not: what `check` counts. */
  readonly sites: Finding[] = [];
  /** Import sites that already reach a registry symbol the canonical way. */
  canonicalSites = 0;
  /** References a transform rewrote away (a `new Legacy()` now a factory call). */
  readonly consumed = new Set<Reference>();
  readonly imports: ImportModel;
  readonly eol: string;
  /** Module strings outside import/export-from declarations, and `require` destructurings. */
  readonly moduleReferences: ModuleReferences;
  private readonly resolved = new Map<string, ModuleRef | null>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly ast: File,
    readonly registry: Registry,
  ) {
    this.eol = /\r\n/.test(text) ? '\r\n' : '\n';
    // Without the word, there is no require() to find, whatever `require` is bound to.
    const requireIsGlobal = !text.includes('require') || !this.scopes.program.lookup('require', 'value');
    this.moduleReferences = scanModuleReferences(ast.program as unknown as AnyNode, text, requireIsGlobal);
    this.imports = new ImportModel(this);
  }

  private scopeAnalysis: ScopeAnalysis | undefined;

  /**
   * Computed when first asked for: a file whose imports are all canonical and unaliased (a third of the
   * files the pre-filter lets through, typically) needs none.
   */
  get scopes(): ScopeAnalysis {
    return (this.scopeAnalysis ??= analyzeScopes(this.ast.program));
  }

  /**
   * The module a specifier written in this file refers to, when it may be a registry module; null for one
   * that names none (no transform has anything to do with it, so it is not resolved at all).
   */
  resolve(specifier: string): ModuleRef | null {
    let ref = this.resolved.get(specifier);
    if (ref === undefined) {
      ref = mayReachRegistry(this.registry, specifier) ? this.registry.resolver.resolve(specifier, this.path) : null;
      this.resolved.set(specifier, ref);
    }
    return ref;
  }

  /** A module string's new content, inside its own quotes: only the path changes, never the quote style. */
  replaceStringContent(literal: AnyNode, value: string): void {
    this.edits.replace(literal.start + 1, literal.end - 1, escapeFor(value, this.text[literal.start]));
  }

  legacySymbol(module: ModuleRef | null, name: string): LegacySymbol | undefined {
    return module ? this.registry.legacyByModule.get(moduleKey(module))?.get(name) : undefined;
  }

  canonicalSymbol(module: ModuleRef | null, name: string): CanonicalSymbol | undefined {
    return module ? this.registry.canonicalByModule.get(moduleKey(module))?.get(name) : undefined;
  }

  legacySymbols(module: ModuleRef | null): Map<string, LegacySymbol> | undefined {
    return module ? this.registry.legacyByModule.get(moduleKey(module)) : undefined;
  }

  moduleMove(module: ModuleRef | null): ModuleMove | undefined {
    return module ? this.registry.movesByModule.get(moduleKey(module)) : undefined;
  }

  isLegacyModule(module: ModuleRef | null): boolean {
    return !!module && this.registry.legacyModules.has(moduleKey(module));
  }

  /** References of a binding that no transform has rewritten away. */
  liveReferences(binding: { references: Reference[] }): Reference[] {
    return binding.references.filter((reference) => !this.consumed.has(reference));
  }

  positionOf(node: { start?: number | null }): { line: number; column: number } {
    return positionAt(this.text, node.start ?? 0, this.ast);
  }

  private finding(node: AnyNode, kind: FindingKind, message: string): Finding {
    const { line, column } = this.positionOf(node);
    return { file: this.path, line, column, kind, message };
  }

  /** A site that needs a human; also counted as a fragmented site unless it is a conflict. */
  report(node: AnyNode, kind: FindingKind, message: string): void {
    const finding = this.finding(node, kind, message);
    this.findings.push(finding);
    if (kind !== 'conflict' && !isFileError(kind)) this.sites.push(finding);
  }

  /** A fragmented site, counted by `check` (whether or not a transform fixes it). */
  recordSite(node: AnyNode, kind: FindingKind, message: string): void {
    this.sites.push(this.finding(node, kind, message));
  }
}
