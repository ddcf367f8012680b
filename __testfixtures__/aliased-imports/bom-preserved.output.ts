import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export type Engines = UserExecutionEngine[];
