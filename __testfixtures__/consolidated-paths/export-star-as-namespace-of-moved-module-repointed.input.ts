export * as factories from '../agents/execution_engine_unified_factory';
