import { UserExecutionEngine, type EngineContext } from '../agents/supervisor/user_execution_engine';

export function wrap<Engine>(value: Engine, context: EngineContext): [Engine, InstanceType<typeof UserExecutionEngine>] {
  return [value, new UserExecutionEngine(context)];
}

export type Boxed<Engine> = { value: Engine };

export function build(context: EngineContext): UserExecutionEngine {
  return new UserExecutionEngine(context);
}
