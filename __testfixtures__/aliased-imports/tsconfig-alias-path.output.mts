import { UserExecutionEngine } from '@app/agents/supervisor/user_execution_engine';
import type { EngineContext } from '@app/agents/supervisor/user_execution_engine';

export const start = (context: EngineContext): UserExecutionEngine => new UserExecutionEngine(context);
