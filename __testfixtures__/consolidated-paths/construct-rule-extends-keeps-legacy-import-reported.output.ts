import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export class AuditedEngine extends ExecutionEngine {
  audit(): string {
    return this.run('audit');
  }
}
