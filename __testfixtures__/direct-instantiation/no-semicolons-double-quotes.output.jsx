import { ExecutionEngine } from "../agents/execution_engine_consolidated"
import { createUserExecutionEngine } from "../agents/supervisor/execution_engine_factory"
import { EnginePanel } from "../ui/engine_panel"

export function EngineView({ userId, engine }) {
  const current = engine instanceof ExecutionEngine ? engine : createUserExecutionEngine({ userId })
  return <EnginePanel title={current.run("view")} />
}
