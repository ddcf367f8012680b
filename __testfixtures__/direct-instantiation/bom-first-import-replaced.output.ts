import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function handle(userId: string) {
  return createUserExecutionEngine({ userId }).run('bom');
}
