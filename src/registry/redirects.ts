import type { Registry } from './types';
import { moduleKey, type ModuleRef } from '../languages/javascript/resolve';
import { exportedNames } from '../languages/javascript/module-exports';

const cache = new WeakMap<Registry, Map<string, ModuleRef | null>>();

/**
 * Where a legacy module as a whole now lives: the `to` of a module move, or — for a legacy module whose
 * every export is registered, under the same name, to one canonical module, and none constructed
 * differently — that canonical module. Null for a partly mapped module: its namespace, `export *`,
 * `import()` and mocks cannot follow it safely.
 */
export function moduleRedirect(registry: Registry, module: ModuleRef | null): ModuleRef | null {
  if (!module) return null;
  const key = moduleKey(module);
  let known = cache.get(registry);
  if (!known) cache.set(registry, (known = new Map()));
  if (!known.has(key)) known.set(key, computeRedirect(registry, module, key));
  return known.get(key)!;
}

function computeRedirect(registry: Registry, module: ModuleRef, key: string): ModuleRef | null {
  const move = registry.movesByModule.get(key);
  if (move) return move.to;
  const legacy = registry.legacyByModule.get(key);
  if (!legacy) return null;
  const names = exportedNames(module, registry.resolver);
  if (!names || names.size === 0) return null;
  let target: ModuleRef | null = null;
  for (const name of names) {
    const entry = legacy.get(name);
    if (!entry || entry.construct || entry.canonical.name !== name) return null;
    if (target && moduleKey(target) !== moduleKey(entry.canonical.module)) return null;
    target = entry.canonical.module;
  }
  return target;
}
