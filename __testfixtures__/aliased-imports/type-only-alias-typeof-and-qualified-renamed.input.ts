import { type UserExecutionEngine as Engine, type EngineContext } from '../agents/supervisor/user_execution_engine';
import type { Widgets as Kit } from '../ui/widgets';

export function describeEngine(engineClass: typeof Engine, context: EngineContext): string {
  return new engineClass(context).run('describe');
}
export type RunResult = ReturnType<typeof Engine.prototype.run>;
export type Button = Kit.Button;
export type Version = typeof Kit.version;
export type KitButton = import('../ui/widgets').Widgets.Button;
