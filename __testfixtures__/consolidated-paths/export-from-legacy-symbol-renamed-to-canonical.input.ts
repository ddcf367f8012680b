export { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';
export const ENGINE_API_VERSION = 2;
