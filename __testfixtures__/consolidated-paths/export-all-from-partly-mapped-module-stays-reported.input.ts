export * from '../agents/execution_engine_consolidated';
