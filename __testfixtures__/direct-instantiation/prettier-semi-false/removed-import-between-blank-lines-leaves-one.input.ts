import type { EngineContext } from '../../agents/supervisor/user_execution_engine'
import { createUserExecutionEngine } from '../../agents/supervisor/execution_engine_factory'

import { ExecutionEngine } from '../../agents/execution_engine_consolidated'

export const legacy = (c: EngineContext) => new ExecutionEngine(c)
export const current = createUserExecutionEngine
