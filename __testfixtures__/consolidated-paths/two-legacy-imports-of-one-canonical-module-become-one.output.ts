import {
  EngineContext,
  UserExecutionEngine as IsolatedExecutionEngine,
} from '../agents/supervisor/user_execution_engine';

export const start = (context: EngineContext) => new IsolatedExecutionEngine(context);
