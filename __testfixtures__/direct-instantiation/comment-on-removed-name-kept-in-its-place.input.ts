import {
  ExecutionEngine, // the old engine: gone once every `new` is a factory call
  LEGACY_ENGINE_FLAG,
} from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const legacy = () => (LEGACY_ENGINE_FLAG ? new ExecutionEngine({ userId: 'legacy' }) : null);
export const current = createUserExecutionEngine;
