import { ExecutionEngine } from '@app/agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '@app/agents/supervisor/execution_engine_factory';

export function rebuild(engine: ExecutionEngine): ExecutionEngine {
  return createUserExecutionEngine(engine.context);
}
