import { AgentError } from '../../errors'
import {
    EngineContext,
    LEGACY_ENGINE_FLAG,
    UserExecutionEngine,
} from '../../agents/execution_engine_consolidated'

export function start(context: EngineContext): UserExecutionEngine {
    if (!LEGACY_ENGINE_FLAG) throw new AgentError('the legacy engine is off')
    return new UserExecutionEngine(context)
}
