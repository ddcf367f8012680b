import {
  UserExecutionEngine as Engine,
  type EngineContext,
} from '../agents/supervisor/user_execution_engine';

// Engine builds one engine per user.
export const start = (context: EngineContext) => new Engine(context);
