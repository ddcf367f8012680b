import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';
import { UserExecutionEngine } from '../agents/execution_engine_consolidated';

export const engines = [Engine, UserExecutionEngine];
