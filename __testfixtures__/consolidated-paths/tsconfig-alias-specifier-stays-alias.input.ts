import { UserExecutionEngine } from '@app/agents/execution_engine_consolidated';

export const engine = new UserExecutionEngine({ userId: 'alias' });
