import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const session = (userId: string) => ({ userId, engine: new ExecutionEngine({ userId }) });
