/**
 * @deprecated Core compatibility factory. `ExecutionEngineFactory` and `createUserExecutionEngine` moved to
 * agents/supervisor/execution_engine_factory. `getExecutionEngineFactory` (a process-wide factory, which is
 * harmless: the factory holds no user state) has no canonical home yet and stays here.
 */
import { ExecutionEngineFactory } from '../../agents/supervisor/execution_engine_factory';

export { ExecutionEngineFactory, createUserExecutionEngine } from '../../agents/supervisor/execution_engine_factory';

let shared: ExecutionEngineFactory | undefined;

export function getExecutionEngineFactory(): ExecutionEngineFactory {
  shared ??= new ExecutionEngineFactory();
  return shared;
}
