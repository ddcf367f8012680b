import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import type { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

export function build(factory: ExecutionEngineFactory | null, userId: string) {
  return factory ? factory.create({ userId }) : new ExecutionEngine({ userId });
}
