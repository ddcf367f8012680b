import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function legacyEngine() {
  return new ExecutionEngine;
}
