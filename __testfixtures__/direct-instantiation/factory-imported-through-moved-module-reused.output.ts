import { createUserExecutionEngine } from '../agents/execution_engine_unified_factory';

export const forUser = (userId: string) => createUserExecutionEngine({ userId });
export const forAdmin = () => createUserExecutionEngine({ userId: 'admin' });
