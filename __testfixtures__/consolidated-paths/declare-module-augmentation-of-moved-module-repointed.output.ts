import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

declare module '../agents/supervisor/execution_engine_factory' {
  interface ExecutionEngineFactory {
    audited?: boolean;
  }
}

export const factory = new ExecutionEngineFactory();
