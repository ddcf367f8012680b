/**
 * A file that needs work must name a legacy or canonical module in some specifier, and a specifier that
 * reaches a module file contains that file's base name (for an `index` file, its folder's name), a package
 * is named in full, and a tsconfig alias that hides file names is named by its key. Two cases escape those
 * strings, and are never skipped: a file inside an `index` module's folder (it may write `'.'` or `'..'`).
 * Any other file that contains none of the strings is skipped unparsed.
 */
import * as path from 'node:path';
import type { Registry } from './types';
import type { ModuleRef } from '../languages/javascript/resolve';

interface Prefilter {
  needles: string[];
  /** Folders of `index` modules, with a trailing separator. */
  indexFolders: string[];
}

const cache = new WeakMap<Registry, Prefilter>();

function prefilterOf(registry: Registry): Prefilter {
  let prefilter = cache.get(registry);
  if (!prefilter) cache.set(registry, (prefilter = computePrefilter(registry)));
  return prefilter;
}

/** The strings a file must contain one of to be parsed. */
export function prefilterNeedles(registry: Registry): string[] {
  return prefilterOf(registry).needles;
}

function registryModules(registry: Registry): ModuleRef[] {
  return [
    ...registry.modules.flatMap((m) => [m.from, m.to]),
    ...registry.symbols.flatMap((s) => [s.module, ...s.legacy.flatMap((l) => (l.construct ? [l.module, l.construct.module] : [l.module]))]),
  ];
}

function computePrefilter(registry: Registry): Prefilter {
  const modules = registryModules(registry);
  const needles = new Set<string>(modules.map(needleFor));
  for (const alias of registry.resolver.aliasesHidingFileNames()) needles.add(alias);
  const indexFolders = modules
    .filter((m): m is { kind: 'file'; path: string } => m.kind === 'file' && isIndexFile(m.path))
    .map((m) => path.dirname(m.path) + path.sep);
  return { needles: [...needles].filter((n) => n.length > 0), indexFolders: [...new Set(indexFolders)] };
}

function isIndexFile(file: string): boolean {
  return /^index(\.d)?\.[cm]?[jt]sx?$/.test(path.basename(file));
}

function needleFor(module: ModuleRef): string {
  if (module.kind === 'package') return module.name;
  const base = path.basename(module.path).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(module.path)) : base;
}

/** Whether `source` (the text of `filePath`) may need work; false means it can be skipped unparsed. */
export function mentionsRegistry(registry: Registry, source: string, filePath?: string): boolean {
  const { needles, indexFolders } = prefilterOf(registry);
  if (filePath && indexFolders.some((folder) => filePath.startsWith(folder))) return true;
  return needles.some((needle) => source.includes(needle));
}

/**
 * Whether a specifier may reach a registry module: only such specifiers need resolving. `.`, `..` and
 * the like may reach an index module without naming it.
 */
export function mayReachRegistry(registry: Registry, specifier: string): boolean {
  return /^[./]*$/.test(specifier) || prefilterOf(registry).needles.some((needle) => specifier.includes(needle));
}
