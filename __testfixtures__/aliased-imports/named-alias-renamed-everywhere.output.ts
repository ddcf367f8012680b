import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function start(engine: UserExecutionEngine): UserExecutionEngine {
  if (!(engine instanceof UserExecutionEngine)) throw new Error('not an engine');
  return engine;
}
