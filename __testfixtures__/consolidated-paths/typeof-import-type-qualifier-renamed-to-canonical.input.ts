export type EngineClass = typeof import('../agents/execution_engine_legacy_adapter').IsolatedExecutionEngine;

export function build(Engine: EngineClass, userId: string): InstanceType<EngineClass> {
  return new Engine({ userId });
}
