import {
  UserExecutionEngine /* the old home */,
  LEGACY_ENGINE_FLAG /* still served */,
  EngineContext,
} from "../agents/execution_engine_consolidated";

export function start(context: EngineContext): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
