import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function isEngine(value: unknown): value is ExecutionEngine {
  return value instanceof ExecutionEngine;
}
