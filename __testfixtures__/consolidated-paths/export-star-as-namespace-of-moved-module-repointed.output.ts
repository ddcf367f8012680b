export * as factories from '../agents/supervisor/execution_engine_factory';
