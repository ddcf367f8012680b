import {
  ExecutionEngineFactory,
  createUserExecutionEngine
} from '../../agents/supervisor/execution_engine_factory';
import { EngineContext } from '../../agents/supervisor/user_execution_engine';

export const factory = new ExecutionEngineFactory();
export const start = (context: EngineContext) =>
  createUserExecutionEngine(context);
