import { UserExecutionEngine, type EngineContext } from './user_execution_engine';

/** The canonical way to build an engine. */
export function createUserExecutionEngine(context: EngineContext, agentFactory?: unknown): UserExecutionEngine {
  return new UserExecutionEngine(context, agentFactory);
}

export class ExecutionEngineFactory {
  create(context: EngineContext): UserExecutionEngine {
    return createUserExecutionEngine(context);
  }
}
