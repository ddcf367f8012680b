import {
  LEGACY_ENGINE_FLAG,
  UserExecutionEngine, // read at start-up
  ExecutionEngine,
} from '../../agents/execution_engine_consolidated';

export const engines = [LEGACY_ENGINE_FLAG, UserExecutionEngine, ExecutionEngine];
