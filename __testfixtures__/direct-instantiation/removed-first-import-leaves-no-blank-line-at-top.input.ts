import { ExecutionEngine } from '../agents/execution_engine_consolidated';

import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const legacy = () => new ExecutionEngine({ userId: 'legacy' });
export const current = createUserExecutionEngine;
