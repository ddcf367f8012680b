/**
 * The project's modules as a graph of what each loads when it is loaded (each language reads a module's
 * imports as it reads its exports): whether importing a canonical module from a file would close an
 * import cycle, and which registry modules load a legacy one.
 */
import { moduleKey, type ModuleRef } from '../languages/language';
import type { Registry } from './types';

/** Per registry: module key ➔ the keys of every module it loads, directly or transitively. */
const reachable = new WeakMap<Registry, Map<string, ReadonlySet<string>>>();

/** Every module `from` loads, directly or through the modules it loads (itself not included unless in a cycle). */
export function modulesLoadedBy(registry: Registry, from: ModuleRef): ReadonlySet<string> {
  let cache = reachable.get(registry);
  if (!cache) reachable.set(registry, (cache = new Map()));
  const key = moduleKey(from);
  let found = cache.get(key);
  if (!found) {
    const seen = new Set<string>();
    const pending = [...registry.resolver.imports(from)];
    while (pending.length > 0) {
      const module = pending.pop()!;
      const next = moduleKey(module);
      if (seen.has(next)) continue;
      seen.add(next);
      pending.push(...registry.resolver.imports(module));
    }
    cache.set(key, (found = seen));
  }
  return found;
}

/** Whether any of `modules` is `target` or loads it, directly or transitively (walked until found, not cached). */
export function anyLoads(registry: Registry, modules: readonly ModuleRef[], target: ModuleRef): boolean {
  const key = moduleKey(target);
  const seen = new Set<string>();
  const pending = [...modules];
  while (pending.length > 0) {
    const module = pending.pop()!;
    const next = moduleKey(module);
    if (next === key) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...registry.resolver.imports(module));
  }
  return false;
}

/** Whether `target` loads `file`'s module, directly or transitively: `file` importing `target` would close a cycle. */
export function loadsFile(registry: Registry, target: ModuleRef, file: string): boolean {
  return modulesLoadedBy(registry, target).has(moduleKey(registry.resolver.moduleOfFile(file)));
}
