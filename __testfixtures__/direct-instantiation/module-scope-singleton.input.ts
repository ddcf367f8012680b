import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const sharedEngine = new ExecutionEngine({ userId: 'system' });
