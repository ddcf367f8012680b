import { EngineContext, LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import { IsolatedExecutionEngine, adaptLegacyEngine } from '../agents/execution_engine_legacy_adapter';

export const start = (context: EngineContext) =>
  LEGACY_ENGINE_FLAG ? adaptLegacyEngine(new IsolatedExecutionEngine(context)) : null;
