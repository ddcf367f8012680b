import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function build(userId: string) {
  return (createUserExecutionEngine)({ userId });
}
