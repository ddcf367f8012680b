// the old engine
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const legacy = () => createUserExecutionEngine({ userId: 'legacy' });
export const current = createUserExecutionEngine;
