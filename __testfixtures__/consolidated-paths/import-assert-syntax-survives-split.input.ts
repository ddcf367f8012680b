import settings from './settings.json' assert { type: 'json' };
import { LEGACY_ENGINE_FLAG, EngineContext } from '../agents/execution_engine_consolidated';

export const context: EngineContext = { userId: String(settings) };
export const flag = LEGACY_ENGINE_FLAG;
