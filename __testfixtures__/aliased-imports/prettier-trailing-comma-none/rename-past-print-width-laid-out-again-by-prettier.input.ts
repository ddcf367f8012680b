import { UserExecutionEngine as Engine } from '../../agents/supervisor/user_execution_engine';

export const start = (context: { userId: string }, fallback: Engine | null) => [
  new Engine(context),
  fallback
];
