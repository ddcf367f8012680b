import { LEGACY_ENGINE_FLAG, EngineContext } from '../agents/execution_engine_consolidated';

export const flagFor = (context: EngineContext): boolean => LEGACY_ENGINE_FLAG && context.userId !== '';
