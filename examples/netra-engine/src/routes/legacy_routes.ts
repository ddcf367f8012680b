// Old admin routes, still on the pre-SSOT engine.
// Patterns: `new ExecutionEngine()` with no arguments (shares LEGACY_GLOBAL_CONTEXT: cannot be migrated
// automatically, it must be reported) next to a migratable `new ExecutionEngine(context)`; a mapped
// name (UserExecutionEngine) and an unmapped one (LEGACY_GLOBAL_CONTEXT) in the same import.
import { ExecutionEngine, LEGACY_GLOBAL_CONTEXT, UserExecutionEngine } from '../agents/execution_engine_consolidated';

export async function runMaintenance(task: string): Promise<string> {
  // Every maintenance run shares the global context: a human must decide whose context this is.
  const engine = new ExecutionEngine();
  const result = await engine.executeAgent('maintenance', task);
  return `${LEGACY_GLOBAL_CONTEXT.userId}: ${result.output}`;
}

export async function runForUser(userId: string, task: string): Promise<string> {
  const engine: UserExecutionEngine = new ExecutionEngine({ userId, runId: `admin-${Date.now()}` });
  return (await engine.executeAgent('admin', task)).output;
}
