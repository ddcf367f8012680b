// Public "legacy" entry point kept for plugins. Patterns: `export *` from the consolidated stub (only partly
// mapped: it also exports the legacy class and LEGACY_GLOBAL_CONTEXT, so it stays and is reported), and
// re-export aliases, which are public API: the exported names are kept, only the source module changes.
export * from '../agents/execution_engine_consolidated';
export { ExecutionEngine as RedirectedEngine } from '../agents/execution_engine';
export { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';
