import { type EngineContext, ExecutionEngine } from '../agents/execution_engine_consolidated';

export function contextOf(engine: ExecutionEngine): EngineContext {
  return engine.context;
}
