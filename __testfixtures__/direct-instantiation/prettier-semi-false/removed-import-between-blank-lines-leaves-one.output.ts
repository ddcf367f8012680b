import type { EngineContext } from '../../agents/supervisor/user_execution_engine'
import { createUserExecutionEngine } from '../../agents/supervisor/execution_engine_factory'

export const legacy = (c: EngineContext) => createUserExecutionEngine(c)
export const current = createUserExecutionEngine
