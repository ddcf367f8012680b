import {
  LEGACY_ENGINE_FLAG /* still served */,
} from "../agents/execution_engine_consolidated";
import {
  UserExecutionEngine /* the old home */,
  EngineContext,
} from "../agents/supervisor/user_execution_engine";

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
