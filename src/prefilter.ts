/**
 * A file that needs work must name a legacy or canonical module in some specifier, and every specifier
 * that reaches a module file contains that file's base name (or, for an `index` file, its folder's
 * name); a package is named in full. A file that contains none of these strings is skipped unparsed.
 */
import * as path from 'node:path';
import type { Registry } from './registry-types';
import type { ModuleRef } from './resolve';

const cache = new WeakMap<Registry, string[]>();

export function prefilterNeedles(registry: Registry): string[] {
  let needles = cache.get(registry);
  if (!needles) cache.set(registry, (needles = computeNeedles(registry)));
  return needles;
}

function computeNeedles(registry: Registry): string[] {
  const modules: ModuleRef[] = [
    ...registry.modules.flatMap((m) => [m.from, m.to]),
    ...registry.symbols.flatMap((s) => [s.module, ...s.legacy.map((l) => l.module)]),
  ];
  const needles = new Set<string>(modules.map(needleFor));
  for (const alias of registry.resolver.exactAliases?.() ?? []) needles.add(alias);
  return [...needles].filter((n) => n.length > 0);
}

function needleFor(module: ModuleRef): string {
  if (module.kind === 'package') return module.name;
  const base = path.basename(module.path).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(module.path)) : base;
}

export function mentionsRegistry(registry: Registry, source: string): boolean {
  return prefilterNeedles(registry).some((needle) => source.includes(needle));
}
