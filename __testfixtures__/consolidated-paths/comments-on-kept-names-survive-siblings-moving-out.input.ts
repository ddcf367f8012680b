import {
  EngineContext,
  // the flag is still served by the stub
  LEGACY_ENGINE_FLAG, // read at start-up
  UserExecutionEngine,
} from '../agents/execution_engine_consolidated';

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
