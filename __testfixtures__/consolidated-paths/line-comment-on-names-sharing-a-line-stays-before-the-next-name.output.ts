import {
  LEGACY_ENGINE_FLAG, // both read at start-up
  ExecutionEngine,
} from '../agents/execution_engine_consolidated';
import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export const engines = [LEGACY_ENGINE_FLAG, UserExecutionEngine, ExecutionEngine];
