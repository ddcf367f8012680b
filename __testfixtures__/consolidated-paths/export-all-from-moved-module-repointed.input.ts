export * from '../agents/execution_engine_unified_factory';
export * from '../agents/supervisor/user_execution_engine';
