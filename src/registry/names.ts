/**
 * How the registry and everything that reports on it name files and modules: a file by its path relative to
 * the registry's folder, with forward slashes; a module by its registry name (its language says how:
 * `src/errors` for src/errors/index.ts), a package by its name.
 */
import * as path from 'node:path';
import type { ModuleRef } from '../languages/language';
import type { Registry } from './types';
import { isInside, realPathOr, relativePosix } from '../shared/paths';

/** Per registry, the real path of its folder. */
const realRoots = new WeakMap<Registry, string>();

/** A file (absolute, or relative to the registry's folder) relative to the registry's folder. */
export function relativeToRegistry(registry: Registry, file: string): string {
  const root = path.resolve(registry.root);
  let realRoot = realRoots.get(registry);
  if (realRoot === undefined) realRoots.set(registry, (realRoot = realPathOr(root)));
  const absolute = path.resolve(root, file);
  // Module paths are real paths: a registry folder reached through a link must be unwrapped too.
  const base = isInside(root, absolute) || !isInside(realRoot, absolute) ? root : realRoot;
  return relativePosix(base, absolute);
}

/** A module as the registry names it. */
export function registryNameOf(registry: Registry, module: ModuleRef): string {
  if (module.kind === 'package') return module.name;
  return registry.resolver.systemOf(module).registryNameOfFile(relativeToRegistry(registry, module.path));
}
