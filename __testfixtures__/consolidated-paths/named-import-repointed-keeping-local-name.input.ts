import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function describeEngine(engine: ExecutionEngine): string {
  return engine.run('describe');
}
