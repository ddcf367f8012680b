// Registers the engine factory before the app starts.
import '../agents/supervisor/execution_engine_factory';

export const ready = true;
