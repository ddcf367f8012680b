import { LEGACY_ENGINE_FLAG, ExecutionEngine } from '../../agents/execution_engine_consolidated';
import {
  UserExecutionEngine, // read at start-up
} from '../../agents/supervisor/user_execution_engine';

export const engines = [LEGACY_ENGINE_FLAG, UserExecutionEngine, ExecutionEngine];
