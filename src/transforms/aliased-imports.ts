/**
 * aliased-imports: a registry symbol imported from its canonical module under another local name gets
 * its canonical name back, and every reference to that binding follows, scope-aware.
 */
import type { FileContext } from '../engine/file-context';
import type { ImportSpec } from '../languages/import-model';
import type { Binding, Reference } from '../languages/language';

export const name = 'aliased-imports';

export function aliasedImports(ctx: FileContext): boolean {
  let changed = false;
  const claimed = new Set<string>();
  for (const spec of ctx.imports.bindingSpecs()) {
    if (spec.removed || ctx.imports.isLeftUnused(spec) || spec.kind === 'namespace') continue;
    const canonical = ctx.canonicalSymbol(ctx.imports.moduleOf(spec), spec.imported);
    // A default import has no alias to undo: its local name is the only name it has.
    if (!canonical || canonical.name === 'default') continue;
    const original = spec.target === null && spec.decl.retarget === null;
    if (spec.local === canonical.name) {
      if (original) ctx.canonicalSites++;
      claimed.add(spec.local);
      continue;
    }
    const message = `${canonical.name} imported as ${spec.local}`;
    if (ctx.scopes.isNameTaken(canonical.name) || claimed.has(canonical.name)) {
      ctx.report(spec.span!, 'conflict', `${canonical.name} is already a name in this file: ${spec.local} keeps its alias`);
      if (original) ctx.recordSite(spec.span!, 'aliased-import', message);
      continue;
    }
    // A module-level name other modules import by that name (Python) is part of this module's interface.
    const elsewhere = spec.binding ? ctx.usedElsewhere(spec.binding) : null;
    if (elsewhere) {
      ctx.report(spec.span!, 'conflict', `${spec.local} is part of this module's interface (${elsewhere}): it keeps its alias`);
      if (original) ctx.recordSite(spec.span!, 'aliased-import', message);
      continue;
    }
    const besideMember = spec.binding ? memberOfTheSameName(ctx, spec.binding, canonical.name) : null;
    if (besideMember) {
      // createLogger = () => makeLogger() ➔ createLogger = () => createLogger() would read as recursion
      ctx.report(spec.span!, 'conflict', `${canonical.name} is also the name of a member around line ${ctx.positionOf(besideMember).line}, where ${canonical.name}() would read as that member: ${spec.local} keeps its alias`);
      if (original) ctx.recordSite(spec.span!, 'aliased-import', message);
      continue;
    }
    const unresolved = ctx.scopes.references.find((r) => r.name === spec.local && r.binding === null);
    if (unresolved) {
      // A use of the alias that the scopes cannot tie to any binding: renaming the others could orphan it.
      const where = `line ${ctx.positionOf(unresolved).line}`;
      ctx.report(spec.span!, 'aliased-import', `${message}, but what ${spec.local} means at ${where} cannot be told: it keeps its alias`);
      continue;
    }
    if (original) ctx.recordSite(spec.span!, 'aliased-import', message);
    claimed.add(canonical.name);
    renameBinding(ctx, spec, canonical.name);
    changed = true;
  }
  return changed;
}

/** A use of the binding inside a class or object that has a member called `name`, if there is one. */
function memberOfTheSameName(ctx: FileContext, binding: Binding, name: string): Reference | null {
  return ctx.liveReferences(binding).find((reference) => ctx.scopes.memberNamesAround?.(reference).has(name)) ?? null;
}

/**
 * import { UserExecutionEngine as IsolatedExecutionEngine } ➔ import { UserExecutionEngine }, and every
 * IsolatedExecutionEngine that means this binding ➔ UserExecutionEngine (the language keeps a shorthand
 * key or an exported name as it was: `{ Alias: Canonical }`, `export { Canonical as Alias }`).
 */
function renameBinding(ctx: FileContext, spec: ImportSpec, canonicalName: string): void {
  ctx.imports.rename(spec, canonicalName);
  for (const reference of spec.binding ? ctx.liveReferences(spec.binding) : []) ctx.renameReference(reference, canonicalName);
}
