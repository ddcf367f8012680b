import { UserExecutionEngine as ExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function isEngine(value: unknown): value is ExecutionEngine {
  return value instanceof ExecutionEngine;
}
