import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const session = (userId: string) => ({ userId, engine: createUserExecutionEngine({ userId }) });
