// Pattern: the canonical class imported from the canonical module under an alias from the "isolated engine"
// era. aliased-imports renames every reference to the binding: types, `new`, `typeof`, `instanceof`,
// shorthand properties and the local `export { IsolatedExecutionEngine }` (whose public name is kept).
// The unrelated local variable of the same name inside describeRunner() is a different binding.
import {
  UserExecutionEngine as IsolatedExecutionEngine,
  type AgentFactory,
  type ExecutionContext,
  type WebSocketEmitter,
} from '@app/agents/supervisor/user_execution_engine';

export type EngineConstructor = typeof IsolatedExecutionEngine;

export interface RunnerDeps {
  agentFactory: AgentFactory;
  emitter: WebSocketEmitter;
}

export function createIsolatedEngine(context: ExecutionContext, deps: RunnerDeps): IsolatedExecutionEngine {
  return new IsolatedExecutionEngine(context, deps.agentFactory, deps.emitter);
}

export function isIsolated(engine: object): engine is IsolatedExecutionEngine {
  return engine instanceof IsolatedExecutionEngine;
}

/** The engine class, handed to code that wires plugins by name. */
export const runnerPlugins = { IsolatedExecutionEngine, createIsolatedEngine };

export function describeRunner(kind: string): string {
  const IsolatedExecutionEngine = `isolated-runner:${kind}`;
  return IsolatedExecutionEngine;
}

export { IsolatedExecutionEngine };
