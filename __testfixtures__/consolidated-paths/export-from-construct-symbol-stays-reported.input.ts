export { ExecutionEngine } from '../agents/execution_engine_consolidated';
export const ENGINE_API_VERSION = 1;
