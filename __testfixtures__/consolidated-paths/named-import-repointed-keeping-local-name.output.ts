import { UserExecutionEngine as ExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function describeEngine(engine: ExecutionEngine): string {
  return engine.run('describe');
}
