/**
 * consolidated-paths: every reference to a legacy module or legacy symbol points at the canonical module,
 * keeping the local name.
 */
import type { FileContext } from '../engine/file-context';
import type { ModuleDecl, ModuleSpec } from '../engine/import-model';
import type { LegacySymbol } from '../registry/types';
import type { AnyNode } from '../languages/javascript/scope';
import type { ModuleString } from '../languages/javascript/module-strings';
import { moduleRedirect } from '../registry/redirects';

export const name = 'consolidated-paths';

const NOT_WHOLE = 'which does not map as a whole, by the same names, to one canonical module: migrate by hand';

/** Reference contexts that cannot construct the legacy class: a type, or the right side of `instanceof`. */
const CANNOT_CONSTRUCT = new Set(['type', 'typeof-type', 'instanceof']);

export function consolidatedPaths(ctx: FileContext): boolean {
  let changed = false;
  for (const decl of ctx.imports.decls) changed = repointDeclaration(ctx, decl) || changed;
  for (const reference of ctx.moduleReferences.strings) {
    changed = repointModuleString(ctx, reference) || changed;
  }
  return changed;
}

function repointDeclaration(ctx: FileContext, decl: ModuleDecl): boolean {
  const move = ctx.moduleMove(decl.module);
  if (move && !ctx.legacySymbols(decl.module)) {
    // import { a } from './moved' ➔ import { a } from './new-home' (names unchanged)
    ctx.recordSite(decl.source!, 'legacy-path', `"${decl.specifierText}" moved: import from its new module`);
    for (const spec of decl.specs) if (spec.kind !== 'namespace') ctx.imports.move(spec, move.to, spec.imported);
    if (decl.specs.length === 0 || decl.specs.some((s) => s.kind === 'namespace')) ctx.imports.retarget(decl, move.to);
    return true;
  }
  const redirect = moduleRedirect(ctx.registry, decl.module);
  if (!ctx.isLegacyModule(decl.module)) return false;
  if (decl.specs.length === 0 || decl.specs.some((s) => s.kind === 'namespace')) {
    if (redirect) {
      // import * as ns from './consolidated' ➔ import * as ns from './canonical' (every export maps by name)
      ctx.recordSite(decl.source!, 'legacy-path', `"${decl.specifierText}" is a legacy module`);
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

function repointSpecifier(ctx: FileContext, decl: ModuleDecl, spec: ModuleSpec): boolean {
  // Every use was rewritten away (new ➔ factory): the import goes, there is nothing to repoint.
  if (ctx.imports.isLeftUnused(spec)) return false;
  const legacy = ctx.legacySymbol(decl.module, spec.imported);
  if (!legacy) {
    ctx.report(spec.node!, 'legacy-path', `${spec.imported} is not in the registry: it stays on legacy module "${decl.specifierText}"`);
    return false;
  }
  const blocker = legacy.construct ? constructingUse(ctx, decl, spec) : null;
  if (blocker) {
    ctx.report(spec.node!, 'legacy-path', `${spec.local} is still ${blocker}: its import from "${decl.specifierText}" stays until that is migrated`);
    return false;
  }
  // import { ExecutionEngine } from './consolidated' ➔ import { UserExecutionEngine as ExecutionEngine } from './canonical'
  ctx.recordSite(spec.node!, 'legacy-path', describe(spec, legacy, decl));
  ctx.imports.move(spec, legacy.canonical.module, legacy.canonical.name);
  return true;
}

/** Why a legacy class with a `construct` rule cannot be repointed here; null when nothing can construct it. */
function constructingUse(ctx: FileContext, decl: ModuleDecl, spec: ModuleSpec): string | null {
  // export { ExecutionEngine } from './consolidated' hands the legacy class to other modules.
  if (decl.form === 'export') return 're-exported as a value, so importers may construct it';
  if (!spec.binding || spec.removed) return null;
  const live = ctx.liveReferences(spec.binding).find((r) => !CANNOT_CONSTRUCT.has(r.context));
  if (!live) return null;
  const where = `line ${ctx.positionOf(live.node).line}`;
  if (live.context === 'new-callee') return `constructed with new (${where})`;
  if (live.context === 'extends') return `extended (${where})`;
  return `used as a value (${where})`;
}

function describe(spec: ModuleSpec, legacy: LegacySymbol, decl: ModuleDecl): string {
  return `${spec.imported} from legacy "${decl.specifierText}" is ${legacy.canonical.name} from its canonical module`;
}

function repointModuleString(ctx: FileContext, reference: ModuleString): boolean {
  const module = ctx.resolve(reference.value);
  if (!ctx.isLegacyModule(module)) return false;
  const redirect = moduleRedirect(ctx.registry, module);
  if (reference.form === 'import-type' && !redirect) return repointImportType(ctx, reference);
  if (!redirect) {
    ctx.report(reference.literal, 'legacy-path', `${formLabel(reference)} of legacy module "${reference.value}", ${NOT_WHOLE}`);
    return false;
  }
  // jest.mock('./moved') ➔ jest.mock('./new-home'); export * from './moved' ➔ export * from './new-home'
  ctx.recordSite(reference.literal, 'legacy-path', `${formLabel(reference)} of legacy module "${reference.value}"`);
  ctx.replaceStringContent(reference.literal, ctx.registry.resolver.specifierFor(redirect, ctx.path, reference.value));
  return true;
}

/** typeof import('./consolidated').ExecutionEngine ➔ typeof import('./canonical').UserExecutionEngine */
function repointImportType(ctx: FileContext, reference: ModuleString): boolean {
  const qualifier = leftmost(reference.owner.qualifier);
  const legacy = qualifier ? ctx.legacySymbol(ctx.resolve(reference.value), qualifier.name) : undefined;
  const isTypeofQuery = reference.ownerParent?.type === 'TSTypeQuery';
  if (!legacy || (legacy.construct && isTypeofQuery)) {
    ctx.report(reference.literal, 'legacy-path', `import type of legacy module "${reference.value}": migrate by hand`);
    return false;
  }
  ctx.recordSite(reference.literal, 'legacy-path', `import type of legacy module "${reference.value}"`);
  ctx.replaceStringContent(reference.literal, ctx.registry.resolver.specifierFor(legacy.canonical.module, ctx.path, reference.value));
  if (legacy.canonical.name !== qualifier!.name) ctx.edits.replace(qualifier!.start, qualifier!.end, legacy.canonical.name);
  return true;
}

function leftmost(node: AnyNode | null | undefined): AnyNode | null {
  while (node?.type === 'TSQualifiedName') node = node.left;
  return node?.type === 'Identifier' ? node : null;
}

function formLabel(reference: ModuleString): string {
  return {
    'export-all': 'export *', 'dynamic-import': 'import()', 'import-type': 'import type', require: 'require()',
    'require-resolve': 'require.resolve()', 'import-equals': 'import = require()', 'declare-module': 'declare module',
    mock: 'mock',
  }[reference.form];
}
