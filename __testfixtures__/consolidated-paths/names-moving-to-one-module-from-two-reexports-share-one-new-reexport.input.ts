export { UserExecutionEngine, LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
export { IsolatedExecutionEngine, adaptLegacyEngine } from '../agents/execution_engine_legacy_adapter';
