import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const flagFor = (context: EngineContext): boolean => LEGACY_ENGINE_FLAG && context.userId !== '';
