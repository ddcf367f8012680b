import { UserExecutionEngine as ExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function asEngine(value: unknown) {
  return <ExecutionEngine>value;
}
