import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export class EngineService {
  createUserExecutionEngine(userId: string) {
    return new ExecutionEngine({ userId });
  }
}

export const options = { createUserExecutionEngine: true };
