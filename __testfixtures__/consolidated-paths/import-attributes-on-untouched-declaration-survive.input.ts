import defaults from './engine-defaults.json' with { type: 'json' };
import { EngineContext } from '../agents/execution_engine_consolidated';

export const defaultContext: EngineContext = { userId: defaults.userId };
