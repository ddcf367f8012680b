import { ExecutionEngine } from '@app/agents/execution_engine_consolidated';

export function rebuild(engine: ExecutionEngine): ExecutionEngine {
  return new ExecutionEngine(engine.context);
}
