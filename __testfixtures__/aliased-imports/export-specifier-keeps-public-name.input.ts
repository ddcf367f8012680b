import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export function isEngine(value: unknown): value is Engine {
  return value instanceof Engine;
}

export { Engine };
export { Engine as Runner, Engine as default };
