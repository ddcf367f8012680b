// Pattern: a class that `extends ExecutionEngine`. The subclass keeps the legacy no-argument default, so
// the legacy import cannot be repointed (a subclass is a way of constructing it): it stays and is reported.
// The type-only ExecutionContext in the same import is repointed on its own.
import { ExecutionEngine, type ExecutionContext } from '../agents/execution_engine_consolidated';

export class SupervisorExecutionEngine extends ExecutionEngine {
  constructor(context?: ExecutionContext) {
    super(context);
  }

  async supervise(tasks: readonly string[]): Promise<number> {
    let failures = 0;
    for (const task of tasks) {
      if (!(await this.executeAgent('supervisor', task)).ok) failures++;
    }
    return failures;
  }
}
