import type { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';
import type { EngineContext } from '../agents/execution_engine_consolidated';

export type Started = { engine: UserExecutionEngine; context: EngineContext };
