/**
 * What `check` measures in a file before anything is rewritten: which registry symbols it reaches and in
 * which form (specifier, name, alias), and which legacy modules it still imports.
 */
import type { FileContext } from './file-context';
import { moduleKey } from '../languages/javascript/resolve';

export interface SymbolUsage {
  /** Key of the canonical symbol: `<canonical module key>#<name>`. */
  symbol: string;
  /** How the file reaches it: `'<specifier>' <imported> as <local>`. */
  form: string;
  canonical: boolean;
  line: number;
}

export interface FileUsage {
  symbols: SymbolUsage[];
  /** Keys of the legacy modules this file references. */
  legacyModules: string[];
}

export function collectUsage(ctx: FileContext): FileUsage {
  const symbols: SymbolUsage[] = [];
  const legacyModules = new Set<string>();
  for (const decl of ctx.imports.decls) {
    if (decl.module && ctx.isLegacyModule(decl.module)) legacyModules.add(moduleKey(decl.module));
    for (const spec of decl.specs) {
      const legacy = ctx.legacySymbol(decl.module, spec.imported);
      const canonical = legacy?.canonical ?? ctx.canonicalSymbol(decl.module, spec.imported);
      if (!canonical) continue;
      const alias = spec.local === spec.imported ? '' : ` as ${spec.local}`;
      symbols.push({
        symbol: `${moduleKey(canonical.module)}#${canonical.name}`,
        form: `'${decl.specifierText}' ${spec.imported}${alias}`,
        canonical: !legacy && (decl.form === 'export' || spec.kind === 'default' || spec.local === canonical.name),
        line: ctx.positionOf(spec.node!).line,
      });
    }
  }
  for (const reference of ctx.moduleReferences.strings) {
    const module = ctx.resolve(reference.value);
    if (module && ctx.isLegacyModule(module)) legacyModules.add(moduleKey(module));
  }
  return { symbols, legacyModules: [...legacyModules].sort() };
}
