import { UserExecutionEngine } from '../../agents/supervisor/user_execution_engine';

export const start = (
  context: { userId: string },
  fallback: UserExecutionEngine | null
) => [new UserExecutionEngine(context), fallback];
