import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function handle(userId: string) {
  const engine = new ExecutionEngine({ userId });
  return engine.run('handle');
}
