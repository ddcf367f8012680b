export async function loadFactory() {
  const { createUserExecutionEngine } = await import('../agents/supervisor/execution_engine_factory');
  return createUserExecutionEngine;
}
