import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export const engines = { Engine, kind: 'user' };

export function isRegistered(): boolean {
  const { Engine: ctor } = engines;
  return ctor === Engine;
}
