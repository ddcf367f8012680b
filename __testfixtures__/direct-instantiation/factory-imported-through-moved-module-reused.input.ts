import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/execution_engine_unified_factory';

export const forUser = (userId: string) => createUserExecutionEngine({ userId });
export const forAdmin = () => new ExecutionEngine({ userId: 'admin' });
