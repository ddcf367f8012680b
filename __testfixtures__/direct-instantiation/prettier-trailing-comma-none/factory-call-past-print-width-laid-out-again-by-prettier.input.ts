import { ExecutionEngine } from '../../agents/execution_engine_consolidated';

export function startAll(users: string[]) {
  return users.map((userId) => new ExecutionEngine({ userId }).run('start-up'));
}
