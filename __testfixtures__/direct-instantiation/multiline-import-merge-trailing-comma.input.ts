import {
  ExecutionEngine,
  LEGACY_ENGINE_FLAG,
} from '../agents/execution_engine_consolidated';
import {
  ExecutionEngineFactory,
} from '../agents/supervisor/execution_engine_factory';

export const flags = { legacy: LEGACY_ENGINE_FLAG, factory: ExecutionEngineFactory };

export function build(userId: string) {
  return new ExecutionEngine({ userId });
}
