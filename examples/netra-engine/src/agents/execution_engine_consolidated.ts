/**
 * @deprecated Consolidated stub kept for compatibility during the SSOT migration.
 * Import `UserExecutionEngine` from './supervisor/user_execution_engine' and build engines with
 * `createUserExecutionEngine(context)` from './supervisor/execution_engine_factory'.
 */
import { UserExecutionEngine, type ExecutionContext } from './supervisor/user_execution_engine';
import { echoAgentFactory, silentEmitter } from './supervisor/execution_engine_factory';

export { UserExecutionEngine, type ExecutionContext };
export { createUserExecutionEngine } from './supervisor/execution_engine_factory';

/**
 * Every engine built without arguments shares this one context. That is the user-isolation bug the
 * migration removes: two requests on `new ExecutionEngine()` run, and report progress, as the same user.
 */
export const LEGACY_GLOBAL_CONTEXT: ExecutionContext = { userId: 'global', runId: 'shared' };

/** @deprecated The pre-SSOT engine: `new ExecutionEngine()` still compiles and silently shares state. */
export class ExecutionEngine extends UserExecutionEngine {
  constructor(context: ExecutionContext = LEGACY_GLOBAL_CONTEXT) {
    super(context, echoAgentFactory, silentEmitter);
  }
}
