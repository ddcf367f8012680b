import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const sharedEngine = (): ExecutionEngine => new ExecutionEngine();
