import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function build(userId: string) {
  return new (ExecutionEngine)({ userId });
}
