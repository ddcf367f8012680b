import { UserExecutionEngine as Engine, type EngineContext } from '../agents/supervisor/user_execution_engine';

export function withParameter(Engine: string) {
  return Engine.length;
}

export function safely(context: EngineContext) {
  try {
    return new Engine(context);
  } catch (Engine) {
    return String(Engine);
  }
}

export const Named = class Engine {
  static create() {
    return new Engine();
  }
};

export function loop(names: string[]) {
  for (const Engine of names) console.log(Engine);
  return Engine;
}
