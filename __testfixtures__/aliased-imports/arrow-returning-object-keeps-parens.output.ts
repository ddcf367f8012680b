import { UserExecutionEngine, type EngineContext } from '../agents/supervisor/user_execution_engine';

export const registration = (context: EngineContext) => ({ Engine: UserExecutionEngine, engine: new UserExecutionEngine(context) });
