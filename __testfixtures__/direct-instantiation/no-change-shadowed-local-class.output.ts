import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function localEngine(id: string) {
  {
    class ExecutionEngine {
      constructor(readonly id: string) {}
    }
    return new ExecutionEngine(id);
  }
}

export function isLegacy(value: unknown): value is ExecutionEngine {
  return value instanceof ExecutionEngine;
}
