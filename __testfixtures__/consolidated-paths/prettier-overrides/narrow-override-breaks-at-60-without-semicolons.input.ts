import { UserExecutionEngine } from '../../agents/supervisor/user_execution_engine'
import { EngineContext } from '../../agents/execution_engine_consolidated'

export const start = (context: EngineContext) =>
  new UserExecutionEngine(context)
