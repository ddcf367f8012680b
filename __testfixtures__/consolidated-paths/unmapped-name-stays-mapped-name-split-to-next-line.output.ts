import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function engineFor(userId: string): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? null : new UserExecutionEngine({ userId });
}
