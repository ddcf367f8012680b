import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import type { EngineContext } from '../agents/supervisor/user_execution_engine';

export function fromArgs(args: [EngineContext]) {
  return new ExecutionEngine(...args);
}
