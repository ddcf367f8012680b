import {
  type EngineContext,
  UserExecutionEngine as ExecutionEngine,
} from '../agents/supervisor/user_execution_engine';

export function contextOf(engine: ExecutionEngine): EngineContext {
  return engine.context;
}
