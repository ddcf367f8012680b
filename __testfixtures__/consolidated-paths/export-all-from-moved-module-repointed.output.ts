export * from '../agents/supervisor/execution_engine_factory';
export * from '../agents/supervisor/user_execution_engine';
