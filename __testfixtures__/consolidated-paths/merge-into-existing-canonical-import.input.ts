import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';
import { EngineContext } from '../agents/execution_engine_consolidated';

export function start(context: EngineContext): UserExecutionEngine {
  return new UserExecutionEngine(context);
}
