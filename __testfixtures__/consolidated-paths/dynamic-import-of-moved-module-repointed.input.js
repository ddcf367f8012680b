export async function loadFactory() {
  const { createUserExecutionEngine } = await import('../agents/execution_engine_unified_factory');
  return createUserExecutionEngine;
}
