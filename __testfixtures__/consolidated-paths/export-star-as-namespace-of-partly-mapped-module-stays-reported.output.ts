export * as engines from '../agents/execution_engine_consolidated';
