import { UserExecutionEngine as IsolatedExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function start(engine: IsolatedExecutionEngine): IsolatedExecutionEngine {
  if (!(engine instanceof IsolatedExecutionEngine)) throw new Error('not an engine');
  return engine;
}
