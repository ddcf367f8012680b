import type { FileContext } from '../engine/file-context';

/** A transform works on the shared per-file context; it returns whether it changed anything. */
export interface TransformDefinition {
  name: TransformName;
  run(ctx: FileContext): boolean;
}

export type TransformName = 'direct-instantiation' | 'consolidated-paths' | 'aliased-imports';

/** The order that gives the canonical form: construct sites first, then paths, then names. */
export const TRANSFORM_ORDER: TransformName[] = ['direct-instantiation', 'consolidated-paths', 'aliased-imports'];
