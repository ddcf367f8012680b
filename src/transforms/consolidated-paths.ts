/**
 * consolidated-paths: every reference to a legacy module or legacy symbol points at the canonical module,
 * keeping the local name.
 */
import type { FileContext } from '../engine/file-context';
import type { ImportDecl, ImportSpec } from '../languages/import-model';
import type { ModuleRef, ModuleString, Span } from '../languages/language';
import type { LegacySymbol } from '../registry/types';

export const name = 'consolidated-paths';

const NOT_WHOLE = 'which does not map as a whole, by the same names, to one canonical module: migrate by hand';

/** Reference contexts that cannot construct the legacy class: a type, or the right side of `instanceof`. */
const CANNOT_CONSTRUCT = new Set(['type', 'typeof-type', 'instanceof']);

export function consolidatedPaths(ctx: FileContext): boolean {
  let changed = false;
  for (const decl of ctx.imports.decls) changed = repointDeclaration(ctx, decl) || changed;
  for (const reference of ctx.moduleStrings) {
    changed = repointModuleString(ctx, reference) || changed;
  }
  return changed;
}

function repointDeclaration(ctx: FileContext, decl: ImportDecl): boolean {
  const move = ctx.moduleMove(decl.module);
  if (move && !ctx.legacySymbols(decl.module)) {
    const site = `"${decl.specifierText}" moved: import from its new module`;
    if (leftForCycle(ctx, decl.source!, move.to, site, loads(decl))) return false;
    // import { a } from './moved' ➔ import { a } from './new-home' (names unchanged)
    ctx.recordSite(decl.source!, 'legacy-path', site);
    for (const spec of decl.specs) if (spec.kind !== 'namespace') ctx.imports.move(spec, move.to, spec.imported);
    if (decl.specs.length === 0 || decl.specs.some((s) => s.kind === 'namespace')) ctx.imports.retarget(decl, move.to);
    return true;
  }
  const redirect = ctx.redirectOf(decl.module);
  if (!ctx.isLegacyModule(decl.module)) {
    // import { x } from './new-home' of a module move: a canonical site (its registry symbols count themselves)
    if (ctx.isMoveTarget(decl.module) && !decl.specs.some((s) => ctx.canonicalSymbol(decl.module, s.imported))) ctx.canonicalSites++;
    return false;
  }
  if (decl.specs.length === 0 || decl.specs.some((s) => s.kind === 'namespace')) {
    if (redirect) {
      const site = `"${decl.specifierText}" is a legacy module`;
      if (leftForCycle(ctx, decl.source!, redirect, site, loads(decl))) return false;
      // import * as ns from './consolidated' ➔ import * as ns from './canonical' (every export maps by name)
      ctx.recordSite(decl.source!, 'legacy-path', site);
      ctx.imports.retarget(decl, redirect);
      return true;
    }
    const what = decl.specs.length === 0 ? 'side-effect import' : 'namespace import';
    ctx.report(decl.source!, 'legacy-path', `${what} of legacy module "${decl.specifierText}", ${NOT_WHOLE}`);
    return false;
  }
  let changed = false;
  for (const spec of decl.specs) changed = repointSpecifier(ctx, decl, spec) || changed;
  return changed;
}

function repointSpecifier(ctx: FileContext, decl: ImportDecl, spec: ImportSpec): boolean {
  // Every use was rewritten away (new ➔ factory): the import goes, there is nothing to repoint.
  if (ctx.imports.isLeftUnused(spec)) return false;
  const legacy = ctx.legacySymbol(decl.module, spec.imported);
  if (!legacy) {
    ctx.note(spec.span!, 'unmapped-name', `${spec.imported} is not in the registry: it stays on legacy module "${decl.specifierText}"`);
    return false;
  }
  const blocker = legacy.construct ? constructingUse(ctx, decl, spec) : null;
  if (blocker) {
    ctx.report(spec.span!, 'legacy-path', `${spec.local} is still ${blocker}: its import from "${decl.specifierText}" stays until that is migrated`);
    return false;
  }
  if (leftForCycle(ctx, spec.span!, legacy.canonical.module, describe(spec, legacy, decl), loads(decl) && !spec.typeOnly)) return false;
  // import { ExecutionEngine } from './consolidated' ➔ import { UserExecutionEngine as ExecutionEngine } from './canonical'
  ctx.recordSite(spec.span!, 'legacy-path', describe(spec, legacy, decl));
  ctx.imports.move(spec, legacy.canonical.module, legacy.canonical.name);
  return true;
}

/** Why a legacy class with a `construct` rule cannot be repointed here; null when nothing can construct it. */
function constructingUse(ctx: FileContext, decl: ImportDecl, spec: ImportSpec): string | null {
  // export { ExecutionEngine } from './consolidated' hands the legacy class to other modules.
  if (decl.reexport) return 're-exported as a value, so importers may construct it';
  if (!spec.binding || spec.removed) return null;
  const live = ctx.liveReferences(spec.binding).find((r) => !CANNOT_CONSTRUCT.has(r.context));
  if (!live) return null;
  const where = `line ${ctx.positionOf(live).line}`;
  if (live.context === 'new-callee') return `constructed with new (${where})`;
  if (live.context === 'extends') return `extended (${where})`;
  return `used as a value (${where})`;
}

/** Whether a declaration loads its module with the file: `import type`, or a list of `type` names only, does not. */
function loads(decl: ImportDecl): boolean {
  return !decl.typeOnly && !(decl.specs.length > 0 && decl.specs.every((s) => s.typeOnly));
}

/**
 * A rewrite onto `target` that would close an import cycle (the target loads this file) is not made: the
 * site still counts as a legacy reference, and a `cycle` finding says why it stays.
 */
function leftForCycle(ctx: FileContext, span: Span, target: ModuleRef, site: string, loadsTarget: boolean): boolean {
  const cycle = loadsTarget ? ctx.cycleThrough(target) : null;
  if (!cycle) return false;
  ctx.recordSite(span, 'legacy-path', site);
  ctx.note(span, 'cycle', `${cycle}: the reference stays`);
  return true;
}

function describe(spec: ImportSpec, legacy: LegacySymbol, decl: ImportDecl): string {
  return `${spec.imported} from legacy "${decl.specifierText}" is ${legacy.canonical.name} from its canonical module`;
}

function repointModuleString(ctx: FileContext, reference: ModuleString): boolean {
  const module = ctx.resolve(reference.value);
  if (!ctx.isLegacyModule(module)) {
    if (ctx.isMoveTarget(module)) ctx.canonicalSites++;
    return false;
  }
  const redirect = ctx.redirectOf(module);
  if (reference.member && !redirect) return repointMember(ctx, reference);
  if (!redirect) {
    ctx.report(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}", ${NOT_WHOLE}`);
    return false;
  }
  const site = `${reference.label} of legacy module "${reference.value}"`;
  if (leftForCycle(ctx, reference.literal, redirect, site, reference.loads === true)) return false;
  // jest.mock('./moved') ➔ jest.mock('./new-home'); export * from './moved' ➔ export * from './new-home'
  ctx.recordSite(reference.literal, 'legacy-path', site);
  ctx.repointModuleString(reference, redirect);
  return true;
}

/** typeof import('./consolidated').ExecutionEngine ➔ typeof import('./canonical').UserExecutionEngine */
function repointMember(ctx: FileContext, reference: ModuleString): boolean {
  const member = reference.member!;
  const legacy = member.name !== null ? ctx.legacySymbol(ctx.resolve(reference.value), member.name) : undefined;
  if (!legacy || (legacy.construct && member.constructs)) {
    ctx.report(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}": migrate by hand`);
    return false;
  }
  ctx.recordSite(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}"`);
  ctx.repointModuleString(reference, legacy.canonical.module, legacy.canonical.name);
  return true;
}
