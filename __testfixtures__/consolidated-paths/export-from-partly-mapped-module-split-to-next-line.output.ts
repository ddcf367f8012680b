export { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
export { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';
