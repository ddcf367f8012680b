import { UserExecutionEngine, type EngineContext } from '../agents/supervisor/user_execution_engine';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const start = (context: EngineContext): UserExecutionEngine => createUserExecutionEngine(context);
