import { UserExecutionEngine as BaseEngine, type EngineContext } from '../agents/supervisor/user_execution_engine';

/** A local subclass already took the canonical name. */
export class UserExecutionEngine extends BaseEngine {
  constructor(context: EngineContext) {
    super(context, 'local-factory');
  }
}
