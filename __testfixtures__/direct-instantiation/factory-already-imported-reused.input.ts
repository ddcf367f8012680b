import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const forUser = (userId: string) => createUserExecutionEngine({ userId });

export function forAdmin() {
  return new ExecutionEngine({ userId: 'admin' });
}
