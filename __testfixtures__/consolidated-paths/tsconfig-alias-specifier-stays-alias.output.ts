import { UserExecutionEngine } from '@app/agents/supervisor/user_execution_engine';

export const engine = new UserExecutionEngine({ userId: 'alias' });
