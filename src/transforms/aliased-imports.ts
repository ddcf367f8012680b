/**
 * aliased-imports: a registry symbol imported from its canonical module under another local name gets
 * its canonical name back, and every reference to that binding follows, scope-aware.
 */
import type { FileContext } from '../engine/file-context';
import type { ModuleSpec } from '../engine/import-model';
import type { Reference } from '../languages/javascript/scope';

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
      ctx.report(spec.node!, 'conflict', `${canonical.name} is already a name in this file: ${spec.local} keeps its alias`);
      if (original) ctx.recordSite(spec.node!, 'aliased-import', message);
      continue;
    }
    if (original) ctx.recordSite(spec.node!, 'aliased-import', message);
    claimed.add(canonical.name);
    renameBinding(ctx, spec, canonical.name);
    changed = true;
  }
  return changed;
}

function renameBinding(ctx: FileContext, spec: ModuleSpec, canonicalName: string): void {
  const alias = spec.local;
  // import { UserExecutionEngine as IsolatedExecutionEngine } ➔ import { UserExecutionEngine }
  ctx.imports.rename(spec, canonicalName);
  for (const reference of spec.binding ? ctx.liveReferences(spec.binding) : []) {
    renameReference(ctx, reference, alias, canonicalName);
  }
}

function renameReference(ctx: FileContext, reference: Reference, alias: string, canonicalName: string): void {
  const { node, parent } = reference;
  const end = node.start! + alias.length;
  switch (reference.context) {
    case 'shorthand-property':
      // { IsolatedExecutionEngine } ➔ { IsolatedExecutionEngine: UserExecutionEngine }
      ctx.edits.replace(node.start!, end, `${alias}: ${canonicalName}`);
      return;
    case 'export-specifier':
      if (parent.exported.start === parent.local.start) {
        // export { IsolatedExecutionEngine } ➔ export { UserExecutionEngine as IsolatedExecutionEngine }
        ctx.edits.replace(node.start!, end, `${canonicalName} as ${alias}`);
      } else {
        // export { IsolatedExecutionEngine as Engine } ➔ export { UserExecutionEngine as Engine }
        ctx.edits.replace(node.start!, end, canonicalName);
      }
      return;
    default:
      // IsolatedExecutionEngine ➔ UserExecutionEngine, in values, types, typeof, JSX tags and heritage clauses
      ctx.edits.replace(node.start!, end, canonicalName);
  }
}
