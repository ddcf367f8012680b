import { ExecutionEngine } from '../agents/execution_engine_consolidated';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

const Engine = ExecutionEngine;

export function build(userId: string) {
  return createUserExecutionEngine({ userId });
}
