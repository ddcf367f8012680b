import { LEGACY_ENGINE_FLAG, UserExecutionEngine } from "../agents/execution_engine_consolidated"

export function EngineStatus({ userId }) {
  const engine = new UserExecutionEngine({ userId })
  return <p>{LEGACY_ENGINE_FLAG ? "legacy" : engine.run("status")}</p>
}
