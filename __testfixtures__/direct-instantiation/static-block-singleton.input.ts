import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export class Registry {
  static shared: ExecutionEngine;

  static {
    Registry.shared = new ExecutionEngine({ userId: 'system' });
  }
}
