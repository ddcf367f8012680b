import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const globalEngine = new ExecutionEngine();
