import { UserExecutionEngine as Engine, type EngineContext } from '../agents/supervisor/user_execution_engine';

export function wrap<Engine>(value: Engine, context: EngineContext): [Engine, InstanceType<typeof Engine>] {
  return [value, new Engine(context)];
}

export type Boxed<Engine> = { value: Engine };

export function build(context: EngineContext): Engine {
  return new Engine(context);
}
