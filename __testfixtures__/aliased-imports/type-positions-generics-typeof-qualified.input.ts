import { UserExecutionEngine as Engine, EngineContext as Context } from '../agents/supervisor/user_execution_engine';

export type EngineClass = typeof Engine;
export type RunResult = ReturnType<typeof Engine.prototype.run>;
export type Pool = Map<string, Engine[]>;
export type Pair = [Engine, Context];

export interface Slot<T extends Engine = Engine> {
  engine: T;
  context: Context;
}

export function pool(entries: Array<[string, Engine]>): Pool {
  const result = new Map<string, Engine[]>();
  for (const [id, engine] of entries) result.set(id, [engine]);
  return result;
}
