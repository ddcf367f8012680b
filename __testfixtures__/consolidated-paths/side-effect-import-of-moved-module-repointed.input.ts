// Registers the engine factory before the app starts.
import '../agents/execution_engine_unified_factory';

export const ready = true;
