export type EngineClass = typeof import('../agents/supervisor/user_execution_engine').UserExecutionEngine;

export function build(Engine: EngineClass, userId: string): InstanceType<EngineClass> {
  return new Engine({ userId });
}
