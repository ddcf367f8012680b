import type { EngineContext, UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function contextOf(engine: UserExecutionEngine): EngineContext {
  return engine.context;
}
