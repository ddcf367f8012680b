import { EngineContext } from '../agents/execution_engine_consolidated';

// The canonical module is mocked here: a name moved onto it would be the mock's.
jest.mock('../agents/supervisor/user_execution_engine');

export const context: EngineContext = { userId: 'mocked' };
