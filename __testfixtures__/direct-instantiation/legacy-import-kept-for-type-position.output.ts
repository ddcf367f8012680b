import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function restart(previous: ExecutionEngine): ExecutionEngine {
  return createUserExecutionEngine(previous.context);
}
