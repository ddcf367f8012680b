/** @deprecated Consolidated stub kept for compatibility: import from ./supervisor/user_execution_engine. */
import { UserExecutionEngine, type EngineContext } from './supervisor/user_execution_engine';

export { UserExecutionEngine, type EngineContext };

/** The old engine: constructed without a context, it shared one global user. */
export class ExecutionEngine extends UserExecutionEngine {
  constructor(context: EngineContext = { userId: 'global' }) {
    super(context);
  }
}

export const LEGACY_ENGINE_FLAG = true;
