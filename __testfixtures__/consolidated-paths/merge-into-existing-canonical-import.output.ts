import {
  UserExecutionEngine,
  EngineContext,
} from '../agents/supervisor/user_execution_engine';

export function start(context: EngineContext): UserExecutionEngine {
  return new UserExecutionEngine(context);
}
