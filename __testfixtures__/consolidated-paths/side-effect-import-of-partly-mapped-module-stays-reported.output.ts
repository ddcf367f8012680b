import '../agents/execution_engine_consolidated';

export const ready = true;
