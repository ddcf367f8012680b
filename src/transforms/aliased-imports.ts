/**
 * aliased-imports: a registry symbol imported from its canonical module under another local name gets
 * its canonical name back, and every reference to that binding follows, scope-aware.
 */
import type { FileContext } from '../engine/file-context';
import type { ImportSpec } from '../languages/import-model';

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
    if (original) ctx.recordSite(spec.span!, 'aliased-import', message);
    claimed.add(canonical.name);
    renameBinding(ctx, spec, canonical.name);
    changed = true;
  }
  return changed;
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
