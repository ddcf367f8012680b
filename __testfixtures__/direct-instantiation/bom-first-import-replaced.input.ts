import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function handle(userId: string) {
  return new ExecutionEngine({ userId }).run('bom');
}
