import {
  // the flag is still served by the stub
  LEGACY_ENGINE_FLAG, // read at start-up
} from '../agents/execution_engine_consolidated';
import {
  EngineContext,
  UserExecutionEngine,
} from '../agents/supervisor/user_execution_engine';

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
