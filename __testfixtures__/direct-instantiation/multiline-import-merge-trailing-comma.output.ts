import {
  LEGACY_ENGINE_FLAG,
} from '../agents/execution_engine_consolidated';
import {
  ExecutionEngineFactory,
  createUserExecutionEngine,
} from '../agents/supervisor/execution_engine_factory';

export const flags = { legacy: LEGACY_ENGINE_FLAG, factory: ExecutionEngineFactory };

export function build(userId: string) {
  return createUserExecutionEngine({ userId });
}
