import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const forUser = (userId: string) => createUserExecutionEngine({ userId });

export function forAdmin() {
  return createUserExecutionEngine({ userId: 'admin' });
}
