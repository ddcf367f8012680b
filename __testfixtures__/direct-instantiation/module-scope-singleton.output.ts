import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const sharedEngine = createUserExecutionEngine({ userId: 'system' });
