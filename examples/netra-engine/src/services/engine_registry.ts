// Pattern: the legacy class passed around as a value (a constructor in a lookup table). Whoever reads the
// table can still construct it, so the legacy import must stay and be reported.
import { ExecutionEngine, UserExecutionEngine } from '../agents/execution_engine_consolidated';
import type { ExecutionContext } from '../agents/supervisor/user_execution_engine';

type EngineClass = new (context: ExecutionContext) => UserExecutionEngine;

export const ENGINE_CLASSES: Record<'legacy', EngineClass> = {
  legacy: ExecutionEngine,
};

export function buildEngine(kind: keyof typeof ENGINE_CLASSES, context: ExecutionContext): UserExecutionEngine {
  return new ENGINE_CLASSES[kind](context);
}
