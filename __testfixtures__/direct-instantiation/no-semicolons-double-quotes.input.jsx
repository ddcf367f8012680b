import { ExecutionEngine } from "../agents/execution_engine_consolidated"
import { EnginePanel } from "../ui/engine_panel"

export function EngineView({ userId, engine }) {
  const current = engine instanceof ExecutionEngine ? engine : new ExecutionEngine({ userId })
  return <EnginePanel title={current.run("view")} />
}
