/**
 * A file that needs work must name a legacy or canonical module in some specifier. Each language says
 * which strings such a specifier must contain (and which files may reach a module without one); a file
 * that holds none of them is skipped unparsed. A rewrite asks more: a file that names canonical modules
 * only must also look as if it aliased a canonical name (the language's alias test), or it has nothing to
 * rewrite. The registry builds both once, when it loads.
 */
import { moduleKey, type LanguagePrefilter, type ModuleRef } from '../languages/language';
import type { ProjectResolver } from './project-resolver';
import type { CanonicalSymbol, Prefilter, Registry } from './types';

export type { Prefilter };

/**
 * `modules`: every module of the registry. `legacy`: the legacy modules and those moved away, which a file
 * must name to need more than its aliases undone; `canonical`: the names a file may alias.
 */
export function buildPrefilter(resolver: ProjectResolver, modules: ModuleRef[], legacy: ModuleRef[], canonical: CanonicalSymbol[]): Prefilter {
  const languageOf = (module: ModuleRef): string => resolver.systemOf(module).language.id;
  const byLanguage = new Map<string, LanguagePrefilter>();
  const rewrites = new Map<string, (file: string, text: string, linkFree: boolean) => boolean>();
  for (const system of resolver.systems) {
    const id = system.language.id;
    const own = (refs: ModuleRef[]): ModuleRef[] => refs.filter((m) => languageOf(m) === id);
    byLanguage.set(id, system.prefilter(own(modules)));
    const names = [...new Set(canonical.filter((s) => s.name !== 'default' && languageOf(s.module) === id).map((s) => s.name))];
    const aliases = system.aliasTest?.(names);
    if (!aliases) continue;
    const legacyOnly = system.prefilter(own(legacy));
    // A file that names a canonical module whose file name a legacy one shares, but not the legacy one, may skip,
    // where no link can give the legacy one's folder another name.
    const legacyKeys = new Set(legacy.map(moduleKey));
    const toldApart = system.prefilter(own(legacy), own(modules.filter((m) => !legacyKeys.has(moduleKey(m)))));
    rewrites.set(id, (file, text, linkFree) => {
      const named = linkFree ? toldApart : legacyOnly;
      return named.mustParse(file) || mentionsIn(named, text) || aliases(text);
    });
  }
  const languages = [...byLanguage.values()];
  return {
    needles: [...new Set(languages.flatMap((p) => p.needles))],
    byLanguage,
    rewrites,
    mentions: (text) => languages.some((p) => mentionsIn(p, text)),
  };
}

function mentionsIn(prefilter: LanguagePrefilter, text: string): boolean {
  return prefilter.mentions ? prefilter.mentions(text) : prefilter.needles.some((needle) => text.includes(needle));
}

/** The strings a file must contain one of to be parsed. */
export function prefilterNeedles(registry: Registry): string[] {
  return registry.prefilter.needles;
}

function prefilterFor(registry: Registry, file: string): LanguagePrefilter {
  return registry.prefilter.byLanguage.get(registry.resolver.systemForFile(file).language.id)!;
}

/** Whether `source` (the text of `filePath`) may need work; false means it can be skipped unparsed. */
export function mentionsRegistry(registry: Registry, source: string, filePath?: string): boolean {
  if (!filePath) return registry.prefilter.mentions(source);
  const own = prefilterFor(registry, filePath);
  return own.mustParse(filePath) || mentionsIn(own, source);
}

/**
 * Whether `source` may need a rewrite: mentionsRegistry, narrowed (in a language with an alias test) to a
 * file that names a legacy module or may alias a canonical name. False: skipped unparsed by `apply`.
 * `linkFree` (default false): the run's discovery met no link in the tree (Prefilter.rewrites).
 */
export function mayNeedRewrite(registry: Registry, source: string, filePath: string, linkFree = false): boolean {
  if (!mentionsRegistry(registry, source, filePath)) return false;
  const narrower = registry.prefilter.rewrites.get(registry.resolver.systemForFile(filePath).language.id);
  return !narrower || narrower(filePath, source, linkFree);
}

/** Whether a specifier written in `filePath` may reach a registry module: only such specifiers need resolving. */
export function mayReachRegistry(registry: Registry, specifier: string, filePath: string): boolean {
  return prefilterFor(registry, filePath).mayReach(specifier);
}
