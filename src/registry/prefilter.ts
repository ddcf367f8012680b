/**
 * A file that needs work must name a legacy or canonical module in some specifier. Each language says
 * which strings such a specifier must contain (and which files may reach a module without one); a file
 * that holds none of them is skipped unparsed. The registry builds this once, when it loads.
 */
import type { LanguagePrefilter, ModuleRef } from '../languages/language';
import type { ProjectResolver } from './project-resolver';
import type { Prefilter, Registry } from './types';

export type { Prefilter };
import { groupBy } from '../shared/collections';

export function buildPrefilter(resolver: ProjectResolver, modules: ModuleRef[]): Prefilter {
  const byLanguage = new Map<string, LanguagePrefilter>();
  for (const system of resolver.systems) byLanguage.set(system.language.id, system.prefilter([]));
  for (const [id, owned] of groupBy(modules, (m) => resolver.systemOf(m).language.id)) {
    byLanguage.set(id, resolver.systems.find((s) => s.language.id === id)!.prefilter(owned));
  }
  const languages = [...byLanguage.values()];
  return {
    needles: [...new Set(languages.flatMap((p) => p.needles))],
    byLanguage,
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

/** Whether a specifier written in `filePath` may reach a registry module: only such specifiers need resolving. */
export function mayReachRegistry(registry: Registry, specifier: string, filePath: string): boolean {
  return prefilterFor(registry, filePath).mayReach(specifier);
}
