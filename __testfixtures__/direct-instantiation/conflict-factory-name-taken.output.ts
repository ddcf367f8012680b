import { ExecutionEngine } from '../agents/execution_engine_consolidated';

function createUserExecutionEngine(userId: string) {
  return { userId };
}

export function build(userId: string) {
  return new ExecutionEngine(createUserExecutionEngine(userId));
}
