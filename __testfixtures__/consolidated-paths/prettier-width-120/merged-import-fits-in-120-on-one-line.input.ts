import { UserExecutionEngine } from '../../agents/supervisor/user_execution_engine';
import { EngineContext, LEGACY_ENGINE_FLAG } from '../../agents/execution_engine_consolidated';

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
