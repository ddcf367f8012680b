import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function isEngine(value: unknown): value is UserExecutionEngine {
  return value instanceof UserExecutionEngine;
}

export { UserExecutionEngine as Engine };
export { UserExecutionEngine as Runner, UserExecutionEngine as default };
