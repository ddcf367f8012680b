import { LEGACY_ENGINE_FLAG } from '../../agents/execution_engine_consolidated';
import {
  EngineContext,
  UserExecutionEngine
} from '../../agents/supervisor/user_execution_engine';

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
