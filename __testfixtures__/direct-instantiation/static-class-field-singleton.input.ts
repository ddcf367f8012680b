import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export class Engines {
  static readonly shared = new ExecutionEngine({ userId: 'system' });
  readonly own = new ExecutionEngine({ userId: 'own' });
}
