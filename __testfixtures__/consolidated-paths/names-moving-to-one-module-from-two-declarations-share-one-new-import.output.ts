import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import {
  EngineContext,
  UserExecutionEngine as IsolatedExecutionEngine,
} from '../agents/supervisor/user_execution_engine';
import { adaptLegacyEngine } from '../agents/execution_engine_legacy_adapter';

export const start = (context: EngineContext) =>
  LEGACY_ENGINE_FLAG ? adaptLegacyEngine(new IsolatedExecutionEngine(context)) : null;
