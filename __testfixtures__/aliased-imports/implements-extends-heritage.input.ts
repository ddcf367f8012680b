import { UserExecutionEngine as BaseEngine } from '../agents/supervisor/user_execution_engine';

export interface EngineLike extends BaseEngine {
  readonly traced?: boolean;
}

export class TracedEngine extends BaseEngine implements Pick<BaseEngine, 'run'> {
  override run(task: string): string {
    return `traced:${super.run(task)}`;
  }
}

export const AnonymousEngine = class extends BaseEngine {};
