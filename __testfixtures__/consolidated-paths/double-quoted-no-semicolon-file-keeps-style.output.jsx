import { LEGACY_ENGINE_FLAG } from "../agents/execution_engine_consolidated"
import { UserExecutionEngine } from "../agents/supervisor/user_execution_engine"

export function EngineStatus({ userId }) {
  const engine = new UserExecutionEngine({ userId })
  return <p>{LEGACY_ENGINE_FLAG ? "legacy" : engine.run("status")}</p>
}
