import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function globalEngine(): ExecutionEngine {
  return new ExecutionEngine();
}
