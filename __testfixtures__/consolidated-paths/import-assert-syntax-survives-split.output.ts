import settings from './settings.json' assert { type: 'json' };
import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const context: EngineContext = { userId: String(settings) };
export const flag = LEGACY_ENGINE_FLAG;
