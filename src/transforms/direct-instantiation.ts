/**
 * direct-instantiation: `new Legacy(args)` of a legacy class that has a `construct` rule becomes a call
 * of the canonical factory, whose import is added (or merged).
 */
import type { FileContext } from '../engine/file-context';
import type { ModuleSpec } from '../engine/import-model';
import type { Binding, Reference, AnyNode } from '../languages/javascript/scope';
import type { LegacySymbol } from '../registry/types';

export const name = 'direct-instantiation';

export function directInstantiation(ctx: FileContext): boolean {
  // Only an import of a legacy class with a construct rule can be constructed the legacy way.
  const constructible = ctx.imports.bindingSpecs().some((s) => ctx.legacySymbol(ctx.imports.moduleOf(s), s.imported)?.construct);
  if (!constructible) return false;
  let changed = false;
  for (const reference of ctx.scopes.references) {
    if (reference.context !== 'new-callee' || !reference.binding) continue;
    const origin = importOrigin(ctx, reference.binding);
    const legacy = origin ? ctx.legacySymbol(ctx.imports.moduleOf(origin), origin.imported) : undefined;
    if (!origin || !legacy?.construct) continue;
    changed = rewriteConstruction(ctx, reference, origin, legacy) || changed;
  }
  return changed;
}

/** The import behind a binding: itself, or what a `const Alias = Imported` stands for. */
function importOrigin(ctx: FileContext, binding: Binding, depth = 0): ModuleSpec | null {
  const spec = ctx.imports.bindingSpecs().find((s) => s.binding === binding);
  if (spec) return spec.kind === 'namespace' ? null : spec;
  const declarator = binding.declaration;
  if (depth > 4 || declarator.type !== 'VariableDeclarator' || declarator.id !== binding.id) return null;
  const declaration = ctx.scopes.references.find((r) => r.node === declarator.init);
  return binding.declarationKind === 'const' && declaration?.binding ? importOrigin(ctx, declaration.binding, depth + 1) : null;
}

function rewriteConstruction(ctx: FileContext, reference: Reference, origin: ModuleSpec, legacy: LegacySymbol): boolean {
  const construct = legacy.construct!;
  const newExpression: AnyNode = reference.parent;
  const calleeName = reference.node.name;
  if (!reference.deferred) {
    ctx.report(newExpression, 'singleton', `new ${calleeName}() at module scope creates one shared instance: give each caller its own`);
  }
  const args: AnyNode[] = newExpression.arguments;
  if (args.some((a) => a.type === 'SpreadElement') || args.length < construct.minArgs) {
    const count = args.some((a) => a.type === 'SpreadElement') ? 'spread arguments' : `${args.length} argument(s)`;
    ctx.report(newExpression, 'direct-instantiation',
      `new ${calleeName}() with ${count}; ${construct.factory}() needs at least ${construct.minArgs}: migrate by hand`);
    return false;
  }
  const alreadyImported = ctx.imports.findImport(construct.module, construct.factory);
  if (!alreadyImported && ctx.scopes.isNameTaken(construct.factory)) {
    ctx.report(newExpression, 'conflict', `${construct.factory} is already a name in this file: new ${calleeName}() left as it is`);
    ctx.recordSite(newExpression, 'direct-instantiation', `new ${calleeName}() bypasses ${construct.factory}()`);
    return false;
  }
  const factory = alreadyImported ?? ctx.imports.ensureImport(construct.module, construct.factory, origin.decl);
  ctx.recordSite(newExpression, 'direct-instantiation', `new ${calleeName}() bypasses ${construct.factory}()`);
  const calleeEnd = endOfParenthesized(ctx.text, newExpression.callee);
  const typeArguments: AnyNode | undefined = newExpression.typeParameters ?? newExpression.typeArguments;
  const headEnd = typeArguments ? typeArguments.end : calleeEnd;
  const hasParentheses = ctx.text.slice(headEnd, newExpression.end).includes('(');
  // new ExecutionEngine(ctx) ➔ createUserExecutionEngine(ctx); type arguments, arguments and any
  // parentheses stay as written: new (ExecutionEngine)<Ctx>(ctx) ➔ (createUserExecutionEngine)<Ctx>(ctx)
  const callee: AnyNode = newExpression.callee;
  ctx.edits.remove(newExpression.start, callee.extra?.parenthesized ? callee.extra.parenStart : callee.start);
  ctx.edits.replace(callee.start, callee.end, factory);
  // new ExecutionEngine ➔ createUserExecutionEngine()
  if (!hasParentheses) ctx.edits.insert(newExpression.end, '()');
  ctx.consumed.add(reference);
  return true;
}

/** Where `(Callee)` ends, its wrapping parentheses included: the arguments' `(` comes after. */
function endOfParenthesized(text: string, callee: AnyNode): number {
  let end = callee.end;
  if (!callee.extra?.parenthesized) return end;
  const opening = (text.slice(callee.extra.parenStart, callee.start).match(/\(/g) ?? []).length;
  for (let closed = 0; closed < opening && end < text.length; end++) if (text[end] === ')') closed++;
  return end;
}
