// Formerly imported from '../agents/execution_engine_consolidated'.
import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

/** The old home, ../agents/execution_engine_consolidated, is a compatibility stub. */
export const OLD_HOME = '../agents/execution_engine_consolidated';
export const NOTE = `moved out of ../agents/execution_engine_consolidated`;
export const lookup = (paths: string[]) => paths.includes('../agents/execution_engine_consolidated');
export const engine = new UserExecutionEngine({ userId: OLD_HOME });
