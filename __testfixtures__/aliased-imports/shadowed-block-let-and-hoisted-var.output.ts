import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export function label(flag: boolean) {
  if (flag) {
    let Engine = 'shadowed';
    return Engine.toUpperCase();
  }
  return UserExecutionEngine.name;
}

export function hoisted(flag: boolean) {
  if (flag) {
    var Engine: string | undefined = 'function-scoped';
  }
  return Engine;
}

export const engineName = UserExecutionEngine.name;
