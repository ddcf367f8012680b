// Pattern: a module-scope singleton, `export const engine = new ExecutionEngine(ctx)`, imported through
// the tsconfig alias `@app/*`. It has a context, so it is migrated, and it is also reported as a singleton:
// one engine shared by every caller of this module is what the SSOT work set out to remove.
import { ExecutionEngine } from '@app/agents/execution_engine_consolidated';
import type { ExecutionContext } from '@app/agents/supervisor/user_execution_engine';

const BACKGROUND_CONTEXT: ExecutionContext = { userId: 'system', runId: 'background-jobs' };

export const engine = new ExecutionEngine(BACKGROUND_CONTEXT);

export async function runBackgroundJob(job: string): Promise<boolean> {
  return (await engine.executeAgent('background', job)).ok;
}
