import type { EngineContext as Ctx, UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export function contextOf(engine: Engine): Ctx {
  return engine.context;
}
