import { UserExecutionEngine as Engine } from '@app/agents/supervisor/user_execution_engine';
import type { EngineContext as Context } from '@app/agents/supervisor/user_execution_engine';

export const start = (context: Context): Engine => new Engine(context);
