import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export const engines = { Engine: UserExecutionEngine, kind: 'user' };

export function isRegistered(): boolean {
  const { Engine: ctor } = engines;
  return ctor === UserExecutionEngine;
}
