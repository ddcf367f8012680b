import type { FileContext } from './file-context';

/**
 * What the engine runs on a file: a named rule that reads and edits the shared per-file context and says
 * whether it changed anything. The engine knows transforms only through this; the table of the ones we
 * ship, with their descriptions and finding kinds, is src/transforms.
 */
export interface Transform {
  readonly name: string;
  run(ctx: FileContext): boolean;
}
