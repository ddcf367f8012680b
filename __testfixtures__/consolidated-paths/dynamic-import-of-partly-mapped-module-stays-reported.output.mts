export async function legacyFlag(): Promise<boolean> {
  const engines = await import('../agents/execution_engine_consolidated.js');
  return engines.LEGACY_ENGINE_FLAG;
}
