import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function forUser(userId: string) {
  return createUserExecutionEngine({ userId });
}

export function forNobody() {
  return new ExecutionEngine();
}
