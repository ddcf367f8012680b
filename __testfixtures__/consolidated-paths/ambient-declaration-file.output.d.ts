import type {
  UserExecutionEngine as ExecutionEngine,
  EngineContext,
} from '../agents/supervisor/user_execution_engine';

export declare const defaultContext: EngineContext;
export declare function engineFor(context: EngineContext): ExecutionEngine;
