/** @deprecated Adapter kept for the migration. */
export { UserExecutionEngine as IsolatedExecutionEngine } from './supervisor/user_execution_engine';

export function adaptLegacyEngine(engine: unknown): unknown {
  return engine;
}
