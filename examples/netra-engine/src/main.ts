// Application entry point. Patterns: a side-effect import of a moved module; the core compatibility factory
// with a mapped name (merged into the existing import of the canonical factory) and an unmapped one.
import './agents/execution_engine_unified_factory';
import { createUserExecutionEngine } from './agents/supervisor/execution_engine_factory';
import { ExecutionEngineFactory, getExecutionEngineFactory } from './core/managers/execution_engine_factory';

export function bootstrap(): { factory: ExecutionEngineFactory; smokeTest: () => Promise<boolean> } {
  const factory = getExecutionEngineFactory();
  const smokeTest = async () => {
    const engine = createUserExecutionEngine({ userId: 'smoke', runId: 'boot' });
    return (await engine.executeAgent('echo', 'ping')).ok;
  };
  return { factory, smokeTest };
}
