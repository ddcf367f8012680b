import { type EngineContext, UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function start(ctx: EngineContext): UserExecutionEngine {
  return new UserExecutionEngine(ctx);
}

export type { EngineContext as Ctx };
