import * as engines from '../agents/execution_engine_consolidated';

export const legacy = engines.LEGACY_ENGINE_FLAG;
