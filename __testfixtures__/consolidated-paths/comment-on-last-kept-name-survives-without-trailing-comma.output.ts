import {
  LEGACY_ENGINE_FLAG // still served by the stub
} from '../agents/execution_engine_consolidated';
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const context: EngineContext | null = LEGACY_ENGINE_FLAG ? { userId: 'flagged' } : null;
