import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

declare module '../agents/execution_engine_unified_factory' {
  interface ExecutionEngineFactory {
    audited?: boolean;
  }
}

export const factory = new ExecutionEngineFactory();
