import type { UserExecutionEngine as Engine, EngineContext } from '../agents/supervisor/user_execution_engine';

/** Invalid already (a type-only import used as a value): what `Engine` means here cannot be told, so nothing is renamed. */
export function build(context: EngineContext): Engine {
  return new Engine(context);
}
