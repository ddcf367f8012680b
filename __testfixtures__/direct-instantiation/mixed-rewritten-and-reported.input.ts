import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function forUser(userId: string) {
  return new ExecutionEngine({ userId });
}

export function forNobody() {
  return new ExecutionEngine();
}
