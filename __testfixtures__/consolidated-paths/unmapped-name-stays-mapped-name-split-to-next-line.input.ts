import { LEGACY_ENGINE_FLAG, UserExecutionEngine } from '../agents/execution_engine_consolidated';

export function engineFor(userId: string): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? null : new UserExecutionEngine({ userId });
}
