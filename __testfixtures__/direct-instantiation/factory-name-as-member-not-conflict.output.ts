import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export class EngineService {
  createUserExecutionEngine(userId: string) {
    return createUserExecutionEngine({ userId });
  }
}

export const options = { createUserExecutionEngine: true };
