import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export interface EngineLike extends UserExecutionEngine {
  readonly traced?: boolean;
}

export class TracedEngine extends UserExecutionEngine implements Pick<UserExecutionEngine, 'run'> {
  override run(task: string): string {
    return `traced:${super.run(task)}`;
  }
}

export const AnonymousEngine = class extends UserExecutionEngine {};
