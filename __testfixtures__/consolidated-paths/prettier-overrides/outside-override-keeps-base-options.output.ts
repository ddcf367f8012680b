import {
  UserExecutionEngine,
  EngineContext,
} from '../../agents/supervisor/user_execution_engine';

export const start = (context: EngineContext) =>
  new UserExecutionEngine(context);
