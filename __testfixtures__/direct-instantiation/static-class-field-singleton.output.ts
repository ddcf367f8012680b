import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export class Engines {
  static readonly shared = createUserExecutionEngine({ userId: 'system' });
  readonly own = createUserExecutionEngine({ userId: 'own' });
}
