/**
 * consolidated-paths: every reference to a legacy module or legacy symbol points at the canonical module,
 * keeping the local name.
 */
import type { FileContext } from '../engine/file-context';
import type { ImportDecl, ImportSpec } from '../languages/import-model';
import type { ModuleRef, ModuleString, Span } from '../languages/language';
import { moduleKey } from '../languages/language';
import type { LegacySymbol } from '../registry/types';

export const name = 'consolidated-paths';

const NOT_WHOLE = 'which does not map as a whole, by the same names, to one canonical module: migrate by hand';
/** A canonical module's own file (rewritten in Python) never imports itself. */
const ITSELF = 'is this very module, which cannot import itself: migrate by hand';

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
  // from pkg import submodule: a name that is a module itself is repointed as that module.
  let changed = false;
  for (const spec of decl.specs) if (spec.module) changed = repointSubmodule(ctx, decl, spec) || changed;
  const namespaces = decl.specs.filter((s) => s.kind === 'namespace' && !s.module);
  const names = decl.specs.filter((s) => !s.module);
  const move = ctx.moduleMove(decl.module);
  if (move && !ctx.legacySymbols(decl.module)) {
    if (decl.pinned || ctx.isOwnModule(move.to)) {
      ctx.report(decl.source!, 'legacy-path', `"${decl.specifierText}" moved, but ${decl.pinned ? `${decl.pinned}: migrate by hand` : `its new home ${ITSELF}`}`);
      return changed;
    }
    const site = `"${decl.specifierText}" moved to "${ctx.specifierFor(move.to, decl.specifierText)}": import from there`;
    if (leftAsItIs(ctx, decl.source!, decl.module, move.to, site, runs(decl))) return changed;
    // import { a } from './moved' ➔ import { a } from './new-home' (names unchanged)
    ctx.recordSite(decl.source!, 'legacy-path', site);
    for (const spec of names) if (spec.kind !== 'namespace') ctx.imports.move(spec, move.to, spec.imported);
    if (names.length === 0 || namespaces.length > 0) ctx.imports.retarget(decl, move.to);
    return true;
  }
  const redirect = ctx.redirectOf(decl.module);
  if (!ctx.isLegacyModule(decl.module)) {
    // import { x } from './new-home' of a module move: a canonical site (its registry symbols count themselves)
    if (ctx.isMoveTarget(decl.module) && !decl.specs.some((s) => ctx.canonicalSymbol(decl.module, s.imported))) ctx.canonicalSites++;
    return changed;
  }
  if (names.length === 0 || namespaces.length > 0) {
    if (redirect && !decl.pinned && !ctx.isOwnModule(redirect)) {
      const site = `"${decl.specifierText}" is a legacy module`;
      if (leftAsItIs(ctx, decl.source!, decl.module, redirect, site, runs(decl))) return changed;
      // import * as ns from './consolidated' ➔ import * as ns from './canonical' (every export maps by name)
      ctx.recordSite(decl.source!, 'legacy-path', site);
      ctx.imports.retarget(decl, redirect);
      return true;
    }
    const what = names.length === 0 ? ctx.words.bareImport : ctx.words.namespaceImport;
    const why = !redirect ? NOT_WHOLE : decl.pinned ? `${decl.pinned}: migrate by hand` : `whose canonical module ${ITSELF}`;
    ctx.report(decl.source!, 'legacy-path', `${what} of legacy module "${decl.specifierText}", ${why}`);
    return changed;
  }
  for (const spec of names) changed = repointSpecifier(ctx, decl, spec) || changed;
  return changed;
}

/** from pkg import legacy_module ➔ from new_pkg import new_module as legacy_module, when it moved as a whole. */
function repointSubmodule(ctx: FileContext, decl: ImportDecl, spec: ImportSpec): boolean {
  const module = spec.module!;
  if (!ctx.isLegacyModule(module)) return false;
  const home = ctx.redirectOf(module);
  const written = ctx.registry.resolver.specifierFor(module, ctx.path, decl.specifierText);
  // `from pkg import name` gives pkg's own `name` when pkg binds one (`from .name import name`), not the module.
  if (packageBinds(ctx, decl.module ?? ctx.registry.resolver.resolve(decl.specifierText, ctx.path), spec.imported)) {
    ctx.report(spec.span!, 'legacy-path', `"${spec.imported}" is both a name of "${decl.specifierText}" and its legacy module "${written}": migrate by hand`);
    return false;
  }
  if (!home || ctx.isOwnModule(home)) {
    const why = home ? `whose canonical module ${ITSELF}` : NOT_WHOLE;
    ctx.report(spec.span!, 'legacy-path', `${ctx.words.namespaceImport} of legacy module "${written}", ${why}`);
    return false;
  }
  const site = `"${written}" is a legacy module`;
  if (leftAsItIs(ctx, spec.span!, module, home, site, runs(decl))) return false;
  ctx.recordSite(spec.span!, 'legacy-path', site);
  ctx.imports.move(spec, home, '*');
  return true;
}

function repointSpecifier(ctx: FileContext, decl: ImportDecl, spec: ImportSpec): boolean {
  // Every use was rewritten away (new ➔ factory): the import goes, there is nothing to repoint.
  if (ctx.imports.isLeftUnused(spec)) return false;
  const legacy = ctx.legacySymbol(decl.module, spec.imported);
  if (!legacy) {
    ctx.note(spec.span!, 'unmapped-name', `${spec.imported} is not in the registry: it stays on legacy module "${decl.specifierText}"`);
    return false;
  }
  if (ctx.isOwnModule(legacy.canonical.module)) {
    ctx.report(spec.span!, 'legacy-path', `${spec.imported} from legacy "${decl.specifierText}": its canonical module ${ITSELF}`);
    return false;
  }
  const blocker = legacy.construct ? constructingUse(ctx, decl, spec) : null;
  if (blocker) {
    ctx.report(spec.span!, 'legacy-path', `${spec.local} is still ${blocker}: its import from "${decl.specifierText}" stays until that is migrated`);
    return false;
  }
  const use = spec.typeOnly ? NOTHING_RUNS : runs(decl);
  if (leftAsItIs(ctx, spec.span!, decl.module, legacy.canonical.module, describe(spec, legacy, decl), use)) return false;
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
  // Another module imports the name from this one (Python): it may construct what it gets.
  const elsewhere = ctx.usedElsewhere(spec.binding);
  if (elsewhere) return `part of this module's interface (${elsewhere}), so its importers may construct it`;
  const live = ctx.liveReferences(spec.binding).find((r) => !CANNOT_CONSTRUCT.has(r.context));
  if (!live) return null;
  const where = `line ${ctx.positionOf(live).line}`;
  if (live.context === 'new-callee') return `${ctx.words.constructed} (${where})`;
  if (live.context === 'extends') return `${ctx.words.extended} (${where})`;
  return `used as a value (${where})`;
}

/** How a reference uses its module: whether it runs at all (not a type), and whether the file loads it with itself. */
interface ModuleUse {
  runs: boolean;
  loads: boolean;
}

const NOTHING_RUNS: ModuleUse = { runs: false, loads: false };

/** A declaration runs and loads its module with the file; `import type`, or a list of `type` names only, does neither. */
function runs(decl: ImportDecl): ModuleUse {
  return decl.typeOnly || (decl.specs.length > 0 && decl.specs.every((s) => s.typeOnly)) ? NOTHING_RUNS : { runs: true, loads: true };
}

/**
 * A rewrite of a reference that runs (not a type) from `from` onto `target` is not made where a test would
 * get something else (one of them is mocked: `mock-boundary`), or where it would close an import cycle (the
 * target loads this file, and the reference loads the target with the file: `cycle`). The site still
 * counts as a legacy reference; the finding says why it stays.
 */
function leftAsItIs(ctx: FileContext, span: Span, from: ModuleRef | null, target: ModuleRef, site: string, use: ModuleUse): boolean {
  const [kind, why] = stayReason(ctx, from, target, use) ?? [];
  if (!kind) return false;
  ctx.recordSite(span, 'legacy-path', site);
  ctx.note(span, kind, `${why}: the reference stays`);
  return true;
}

function stayReason(ctx: FileContext, from: ModuleRef | null, target: ModuleRef, use: ModuleUse): [string, string] | null {
  const mocked = use.runs ? ctx.mockBoundary(from, target) : null;
  if (mocked) return ['mock-boundary', mocked];
  const cycle = use.loads ? ctx.cycleThrough(target) : null;
  return cycle ? ['cycle', cycle] : null;
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
  if (!redirect || ctx.isOwnModule(redirect)) {
    ctx.report(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}", ${redirect ? `whose canonical module ${ITSELF}` : NOT_WHOLE}`);
    return false;
  }
  const site = `${reference.label} of legacy module "${reference.value}"`;
  // A mock's own path follows the module it mocks; any other string runs the module (now, or later).
  const use = { runs: !reference.typeOnly && !reference.mocks, loads: reference.loads === true };
  if (leftAsItIs(ctx, reference.literal, module, redirect, site, use)) return false;
  // jest.mock('./moved') ➔ jest.mock('./new-home'); export * from './moved' ➔ export * from './new-home'
  ctx.recordSite(reference.literal, 'legacy-path', site);
  ctx.repointModuleString(reference, redirect);
  return true;
}

/** typeof import('./consolidated').ExecutionEngine ➔ typeof import('./canonical').UserExecutionEngine */
function repointMember(ctx: FileContext, reference: ModuleString): boolean {
  const member = reference.member!;
  const legacy = member.name !== null ? ctx.legacySymbol(ctx.resolve(reference.value), member.name) : undefined;
  if (!legacy || (legacy.construct && member.constructs) || ctx.isOwnModule(legacy.canonical.module)) {
    ctx.report(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}": migrate by hand`);
    return false;
  }
  // patch('legacy.Name') takes effect where code looks the name up on the legacy module: while this file
  // still reaches that module otherwise (`import legacy as m`, names that stay on it), the patch stays too.
  const reach = reference.attributeSeparator !== undefined ? remainingReach(ctx, ctx.resolve(reference.value)!) : null;
  if (reach) {
    const line = ctx.positionOf(reach).line;
    ctx.report(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}", which this file still reaches otherwise (line ${line}): migrate by hand`);
    return false;
  }
  ctx.recordSite(reference.literal, 'legacy-path', `${reference.label} of legacy module "${reference.value}"`);
  ctx.repointModuleString(reference, legacy.canonical.module, legacy.canonical.name);
  return true;
}

/** Whether a package's own module binds `name` (or may: a package whose names cannot all be listed). */
function packageBinds(ctx: FileContext, pkg: ModuleRef | null, name: string): boolean {
  if (!pkg) return false;
  try {
    const exports = ctx.registry.resolver.exports(pkg);
    return !!exports && (exports.names.has(name) || !exports.complete);
  } catch {
    return true;
  }
}

/** Where this file still reaches `module` once the repoints decided so far are made; null when nowhere. */
function remainingReach(ctx: FileContext, module: ModuleRef): Span | null {
  const key = moduleKey(module);
  for (const decl of ctx.imports.decls) {
    if (decl.retarget) continue;
    const kept = decl.specs.filter((s) => !ctx.imports.isGone(s));
    // import legacy as m, from legacy import unmapped_name, import legacy.mod
    if (decl.module && moduleKey(decl.module) === key && (decl.specs.length === 0 || kept.some((s) => !s.module))) return decl.source;
    // from pkg import legacy
    const submodule = kept.find((s) => s.module && moduleKey(s.module) === key);
    if (submodule) return submodule.span;
  }
  return null;
}
