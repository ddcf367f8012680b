import * as canonical from '../agents/supervisor/user_execution_engine';
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const start = (context: EngineContext) => new canonical.UserExecutionEngine(context);
