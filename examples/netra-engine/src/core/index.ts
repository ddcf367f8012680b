// The core barrel. Patterns: `export { … } from` a compatibility module with a mapped name
// (ExecutionEngineFactory) and an unmapped one (getExecutionEngineFactory), and `export * from` a module
// that moved as a whole.
export { ExecutionEngineFactory, getExecutionEngineFactory } from './managers/execution_engine_factory';
export * from '../agents/execution_engine_unified_factory';
