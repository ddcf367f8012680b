import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export const build = (userId: string) => new UserExecutionEngine({ userId });
