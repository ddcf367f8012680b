import { UserExecutionEngine, EngineContext } from '../agents/supervisor/user_execution_engine';

export type EngineClass = typeof UserExecutionEngine;
export type RunResult = ReturnType<typeof UserExecutionEngine.prototype.run>;
export type Pool = Map<string, UserExecutionEngine[]>;
export type Pair = [UserExecutionEngine, EngineContext];

export interface Slot<T extends UserExecutionEngine = UserExecutionEngine> {
  engine: T;
  context: EngineContext;
}

export function pool(entries: Array<[string, UserExecutionEngine]>): Pool {
  const result = new Map<string, UserExecutionEngine[]>();
  for (const [id, engine] of entries) result.set(id, [engine]);
  return result;
}
