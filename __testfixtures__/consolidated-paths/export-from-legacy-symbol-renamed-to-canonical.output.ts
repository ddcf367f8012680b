export { UserExecutionEngine as IsolatedExecutionEngine } from '../agents/supervisor/user_execution_engine';
export const ENGINE_API_VERSION = 2;
