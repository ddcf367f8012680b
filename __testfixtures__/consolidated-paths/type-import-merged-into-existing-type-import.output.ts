import type {
  UserExecutionEngine,
  EngineContext,
} from '../agents/supervisor/user_execution_engine';

export type Started = { engine: UserExecutionEngine; context: EngineContext };
