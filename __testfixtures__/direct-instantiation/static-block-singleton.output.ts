import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export class Registry {
  static shared: ExecutionEngine;

  static {
    Registry.shared = createUserExecutionEngine({ userId: 'system' });
  }
}
