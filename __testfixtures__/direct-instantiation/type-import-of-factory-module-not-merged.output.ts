import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';
import type { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

export function build(factory: ExecutionEngineFactory | null, userId: string) {
  return factory ? factory.create({ userId }) : createUserExecutionEngine({ userId });
}
