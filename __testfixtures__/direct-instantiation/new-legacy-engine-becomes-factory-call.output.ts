import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function handle(userId: string) {
  const engine = createUserExecutionEngine({ userId });
  return engine.run('handle');
}
