import { type UserExecutionEngine, type EngineContext } from '../agents/supervisor/user_execution_engine';
import type { Widgets } from '../ui/widgets';

export function describeEngine(engineClass: typeof UserExecutionEngine, context: EngineContext): string {
  return new engineClass(context).run('describe');
}
export type RunResult = ReturnType<typeof UserExecutionEngine.prototype.run>;
export type Button = Widgets.Button;
export type Version = typeof Widgets.version;
export type KitButton = import('../ui/widgets').Widgets.Button;
