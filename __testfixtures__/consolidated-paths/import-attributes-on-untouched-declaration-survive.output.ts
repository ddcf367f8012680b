import defaults from './engine-defaults.json' with { type: 'json' };
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const defaultContext: EngineContext = { userId: defaults.userId };
