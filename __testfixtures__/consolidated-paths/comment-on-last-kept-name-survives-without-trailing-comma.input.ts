import {
  LEGACY_ENGINE_FLAG, // still served by the stub
  EngineContext
} from '../agents/execution_engine_consolidated';

export const context: EngineContext | null = LEGACY_ENGINE_FLAG ? { userId: 'flagged' } : null;
