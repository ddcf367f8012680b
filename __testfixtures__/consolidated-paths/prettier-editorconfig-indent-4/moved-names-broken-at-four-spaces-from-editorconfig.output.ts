import { AgentError } from '../../errors'
import { LEGACY_ENGINE_FLAG } from '../../agents/execution_engine_consolidated'
import {
    EngineContext,
    UserExecutionEngine,
} from '../../agents/supervisor/user_execution_engine'

export function start(context: EngineContext): UserExecutionEngine {
    if (!LEGACY_ENGINE_FLAG) throw new AgentError('the legacy engine is off')
    return new UserExecutionEngine(context)
}
