import type { Registry } from './types';
import { moduleKey, ModuleReadError, type ModuleRef } from '../languages/language';

/**
 * Where a legacy module as a whole now lives: the `to` of a module move, or — for a legacy module whose
 * every export is registered, under the same name, to one canonical module, and none constructed
 * differently — that canonical module. Null for a partly mapped module: its namespace, `export *`,
 * `import()` and mocks cannot follow it safely.
 */
export function moduleRedirect(registry: Registry, module: ModuleRef | null): ModuleRef | null {
  if (!module) return null;
  const key = moduleKey(module);
  // Computed on first use: it reads the legacy module's exports, which most runs never need.
  if (!registry.redirects.has(key)) registry.redirects.set(key, computeRedirect(registry, module, key));
  return registry.redirects.get(key)!;
}

function computeRedirect(registry: Registry, module: ModuleRef, key: string): ModuleRef | null {
  const move = registry.movesByModule.get(key);
  if (move) return move.to;
  const legacy = registry.legacyByModule.get(key);
  if (!legacy) return null;
  const names = exportedNames(registry, module);
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

/** Null when the module's files cannot be found, read or parsed: it then maps as a whole to nothing. */
function exportedNames(registry: Registry, module: ModuleRef): Set<string> | null {
  try {
    return registry.resolver.exports(module)?.names ?? null;
  } catch (error) {
    if (error instanceof ModuleReadError) return null;
    throw error;
  }
}
