import type { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

/** The qualifier of an import type names the other module's export, not this file's binding. */
export type Adapted = import('../agents/execution_engine_legacy_adapter').IsolatedExecutionEngine;
export type Pair = [UserExecutionEngine, typeof UserExecutionEngine];
export default UserExecutionEngine;
