import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function asEngine(value: unknown) {
  return <ExecutionEngine>value;
}
