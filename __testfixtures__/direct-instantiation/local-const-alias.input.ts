import { ExecutionEngine } from '../agents/execution_engine_consolidated';

const Engine = ExecutionEngine;

export function build(userId: string) {
  return new Engine({ userId });
}
