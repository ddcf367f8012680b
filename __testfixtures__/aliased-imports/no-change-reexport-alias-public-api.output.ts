export { UserExecutionEngine as IsolatedExecutionEngine } from '../agents/supervisor/user_execution_engine';
export type { EngineContext as Context } from '@app/agents/supervisor/user_execution_engine';
