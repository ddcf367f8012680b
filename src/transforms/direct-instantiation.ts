/**
 * direct-instantiation: `new Legacy(args)` of a legacy class that has a `construct` rule becomes a call
 * of the canonical factory, whose import is added (or merged).
 */
import type { FileContext } from '../engine/file-context';
import type { ImportSpec } from '../languages/import-model';
import type { Binding, ConstructCall, Reference } from '../languages/language';
import type { LegacySymbol } from '../registry/types';

export const name = 'direct-instantiation';

/** How many `const A = B` steps are followed back from a `new` to an import. */
const ALIAS_HOPS = 5;

export function directInstantiation(ctx: FileContext): boolean {
  // Only an import of a legacy class with a construct rule (or of its module, whole) can construct it the legacy way.
  const constructible = ctx.imports.bindingSpecs().some((s) => ctx.legacySymbol(ctx.imports.moduleOf(s), s.imported)?.construct ||
    (s.kind === 'namespace' && [...(ctx.legacySymbols(ctx.imports.moduleOf(s))?.values() ?? [])].some((l) => l.construct)));
  if (!constructible) return false;
  let changed = false;
  for (const reference of ctx.scopes.references) {
    const call = reference.binding ? ctx.constructCall(reference) : null;
    if (!call) continue;
    const origin = importOrigin(ctx, reference.binding!);
    // mod.ExecutionEngine(ctx): the module is bound whole, and the call reaches one of its names.
    const name = origin?.kind === 'namespace' ? reference.member?.name : origin?.imported;
    const legacy = origin && name !== undefined ? ctx.legacySymbol(ctx.imports.moduleOf(origin), name) : undefined;
    if (!origin || !legacy?.construct) continue;
    changed = rewriteConstruction(ctx, reference, call, origin, legacy) || changed;
  }
  return changed;
}

/** The import behind a binding: itself, or what a `const Alias = Imported` stands for. */
function importOrigin(ctx: FileContext, binding: Binding, depth = 0): ImportSpec | null {
  const spec = ctx.imports.bindingSpecs().find((s) => s.binding === binding);
  if (spec) return spec;
  const aliased = depth < ALIAS_HOPS ? ctx.scopes.aliasedBinding(binding) : null;
  return aliased ? importOrigin(ctx, aliased, depth + 1) : null;
}

function rewriteConstruction(ctx: FileContext, callee: Reference, call: ConstructCall, origin: ImportSpec, legacy: LegacySymbol): boolean {
  const construct = legacy.construct!;
  if (!callee.deferred) {
    ctx.report(call, 'singleton', `${call.shown} at module scope creates one shared instance: give each caller its own`);
  }
  if (call.hasSpread || call.argumentCount < construct.minArgs) {
    // new ExecutionEngine() with too few arguments: left for a human
    const count = call.hasSpread ? ctx.words.spreadArguments : `${call.argumentCount} argument(s)`;
    ctx.report(call, 'direct-instantiation',
      `${call.shown} with ${count}; ${construct.factory}() needs at least ${construct.minArgs}: migrate by hand`);
    return false;
  }
  if (ctx.isOwnModule(construct.module)) {
    // the factory is defined in this very file (a canonical module's own, rewritten in Python): left for a human
    ctx.report(call, 'direct-instantiation', `${call.shown} in the module that defines ${construct.factory}(): migrate by hand`);
    return false;
  }
  const alreadyImported = ctx.imports.findImport(construct.module, construct.factory, origin.decl);
  if (!alreadyImported && ctx.scopes.isNameTaken(construct.factory)) {
    // the factory's name means something else here: left as it is
    ctx.report(call, 'conflict', `${construct.factory} is already a name in this file: ${call.shown} left as it is`);
    ctx.recordSite(call, 'direct-instantiation', `${call.shown} bypasses ${construct.factory}()`);
    return false;
  }
  // the legacy class or the factory is mocked for this file, or the factory's module loads this file
  const mocked = ctx.mockBoundary(ctx.imports.moduleOf(origin), construct.module);
  const cycle = alreadyImported ? null : ctx.cycleThrough(construct.module);
  if (mocked || cycle) {
    ctx.note(call, mocked ? 'mock-boundary' : 'cycle', `${mocked ?? cycle}: ${call.shown} left as it is`);
    ctx.recordSite(call, 'direct-instantiation', `${call.shown} bypasses ${construct.factory}()`);
    return false;
  }
  const factory = alreadyImported ?? ctx.imports.ensureImport(construct.module, construct.factory, origin.decl);
  ctx.recordSite(call, 'direct-instantiation', `${call.shown} bypasses ${construct.factory}()`);
  // new ExecutionEngine(ctx) ➔ createUserExecutionEngine(ctx), the factory imported beside the class
  ctx.rewriteConstructCall(call, callee, factory);
  return true;
}
