import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

// A name may be spelled with escapes: the whole of each spelling is the reference.
export const plain = UserExecutionEngine;
export type Spelled = UserExecutionEngine;
export function make(...args: ConstructorParameters<typeof UserExecutionEngine>): UserExecutionEngine {
  return new UserExecutionEngine(...args);
}
