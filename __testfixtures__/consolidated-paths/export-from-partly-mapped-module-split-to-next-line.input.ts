export { LEGACY_ENGINE_FLAG, UserExecutionEngine } from '../agents/execution_engine_consolidated';
