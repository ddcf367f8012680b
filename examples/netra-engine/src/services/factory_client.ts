// Pattern: a module that moved as a whole (the "unified" factory) referenced every way TypeScript allows:
// a named import, `import x = require()`, `typeof import()` in a type, and a lazy `import()`.
import { ExecutionEngineFactory, createUserExecutionEngine } from '../agents/execution_engine_unified_factory';
import unifiedFactory = require('../agents/execution_engine_unified_factory');
import type { ExecutionContext, UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export type FactoryModule = typeof import('../agents/execution_engine_unified_factory');

export const requestFactory = new ExecutionEngineFactory();

export function engineFor(context: ExecutionContext): UserExecutionEngine {
  return createUserExecutionEngine(context);
}

export function engineWithDefaults(context: ExecutionContext): UserExecutionEngine {
  return unifiedFactory.createUserExecutionEngine(context, unifiedFactory.echoAgentFactory);
}

export async function lazyEngine(context: ExecutionContext): Promise<UserExecutionEngine> {
  const factory: FactoryModule = await import('../agents/execution_engine_unified_factory');
  return factory.createUserExecutionEngine(context);
}
