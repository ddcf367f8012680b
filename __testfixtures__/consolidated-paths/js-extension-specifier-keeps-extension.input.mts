import { UserExecutionEngine } from '../agents/execution_engine_consolidated.js';

export const engine = new UserExecutionEngine({ userId: 'esm' });
