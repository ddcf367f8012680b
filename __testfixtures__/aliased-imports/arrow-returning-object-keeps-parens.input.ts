import { UserExecutionEngine as Engine, type EngineContext } from '../agents/supervisor/user_execution_engine';

export const registration = (context: EngineContext) => ({ Engine, engine: new Engine(context) });
