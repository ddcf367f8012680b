import {
  ExecutionEngineFactory,
  createUserExecutionEngine
} from '../../agents/supervisor/execution_engine_factory';
import { EngineContext } from '../../agents/execution_engine_consolidated';

export const factory = new ExecutionEngineFactory();
export const start = (context: EngineContext) =>
  createUserExecutionEngine(context);
