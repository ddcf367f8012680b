export { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
export {
  UserExecutionEngine,
  UserExecutionEngine as IsolatedExecutionEngine,
} from '../agents/supervisor/user_execution_engine';
export { adaptLegacyEngine } from '../agents/execution_engine_legacy_adapter';
