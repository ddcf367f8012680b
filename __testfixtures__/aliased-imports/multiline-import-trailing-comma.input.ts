import {
  UserExecutionEngine as Engine,
  EngineContext as Context,
} from '../agents/supervisor/user_execution_engine';

export function start(context: Context): Engine {
  return new Engine(context);
}
