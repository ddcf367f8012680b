/**
 * What `check` measures in a file before anything is rewritten: which registry symbols it reaches and in
 * which form (specifier, name, alias), and which legacy modules it still imports.
 */
import type { FileContext } from './file-context';
import type { FileUsage, SymbolUsage } from './results';
import { moduleKey } from '../languages/language';

export function collectUsage(ctx: FileContext): FileUsage {
  const symbols: SymbolUsage[] = [];
  const legacyModules = new Set<string>();
  for (const decl of ctx.imports.decls) {
    if (decl.module && ctx.isLegacyModule(decl.module)) legacyModules.add(moduleKey(decl.module));
    for (const spec of decl.specs) {
      // from pkg import submodule: the name is a module of its own.
      if (spec.module && ctx.isLegacyModule(spec.module)) legacyModules.add(moduleKey(spec.module));
      const legacy = ctx.legacySymbol(decl.module, spec.imported);
      const canonical = legacy?.canonical ?? ctx.canonicalSymbol(decl.module, spec.imported);
      if (!canonical) continue;
      symbols.push({
        symbol: `${moduleKey(canonical.module)}#${canonical.name}`,
        form: ctx.words.importForm(decl.specifierText, spec.imported, spec.local === spec.imported ? null : spec.local),
        canonical: !legacy && (decl.reexport || spec.kind === 'default' || spec.local === canonical.name),
        line: ctx.positionOf(spec.span!).line,
      });
    }
  }
  for (const reference of ctx.moduleStrings) {
    const module = ctx.resolve(reference.value);
    if (module && ctx.isLegacyModule(module)) legacyModules.add(moduleKey(module));
  }
  return { symbols, legacyModules: [...legacyModules].sort() };
}
