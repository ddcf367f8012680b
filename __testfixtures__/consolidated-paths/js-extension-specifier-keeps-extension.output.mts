import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine.js';

export const engine = new UserExecutionEngine({ userId: 'esm' });
