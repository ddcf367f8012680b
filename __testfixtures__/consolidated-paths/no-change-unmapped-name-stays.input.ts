import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';

export const useLegacyEngine = LEGACY_ENGINE_FLAG;
