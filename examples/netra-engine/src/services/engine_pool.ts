// Pattern: the legacy class under a local alias (`ExecutionEngine as PooledEngine`): `new PooledEngine(ctx)`
// is still a legacy construction, and is migrated; the alias then only names a type.
import { ExecutionEngine as PooledEngine, type ExecutionContext } from '../agents/execution_engine_consolidated';

export class EnginePool {
  private readonly engines = new Map<string, PooledEngine>();

  acquire(context: ExecutionContext): PooledEngine {
    let engine = this.engines.get(context.userId);
    if (!engine) {
      engine = new PooledEngine(context);
      this.engines.set(context.userId, engine);
    }
    return engine;
  }

  get size(): number {
    return this.engines.size;
  }
}
