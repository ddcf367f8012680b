import {
  UserExecutionEngine as ExecutionEngine,
  EngineContext,
} from '../agents/supervisor/user_execution_engine';

export function contextOf(engine: ExecutionEngine): EngineContext {
  return engine.context;
}
