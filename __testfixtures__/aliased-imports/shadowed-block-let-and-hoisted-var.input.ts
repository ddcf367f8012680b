import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export function label(flag: boolean) {
  if (flag) {
    let Engine = 'shadowed';
    return Engine.toUpperCase();
  }
  return Engine.name;
}

export function hoisted(flag: boolean) {
  if (flag) {
    var Engine: string | undefined = 'function-scoped';
  }
  return Engine;
}

export const engineName = Engine.name;
