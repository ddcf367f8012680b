import { type EngineContext as Ctx, UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function start(ctx: Ctx): UserExecutionEngine {
  return new UserExecutionEngine(ctx);
}

export type { Ctx };
