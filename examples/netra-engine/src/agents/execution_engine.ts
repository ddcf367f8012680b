/**
 * @deprecated Redirect module: the engine that used to live here is now the canonical
 * `UserExecutionEngine`. Only the old name remains, and it is the very same class (same constructor),
 * so `new ExecutionEngine(context, agentFactory, emitter)` through this path is already isolated.
 */
export { UserExecutionEngine as ExecutionEngine } from './supervisor/user_execution_engine';
