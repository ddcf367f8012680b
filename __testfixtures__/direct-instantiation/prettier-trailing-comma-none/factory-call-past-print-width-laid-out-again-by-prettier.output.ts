import { createUserExecutionEngine } from '../../agents/supervisor/execution_engine_factory';

export function startAll(users: string[]) {
  return users.map((userId) =>
    createUserExecutionEngine({ userId }).run('start-up')
  );
}
