import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function restart(previous: ExecutionEngine): ExecutionEngine {
  return new ExecutionEngine(previous.context);
}
