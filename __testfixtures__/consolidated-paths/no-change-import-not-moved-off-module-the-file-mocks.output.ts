import { UserExecutionEngine } from '../agents/execution_engine_consolidated';

// The legacy module is mocked here, and it maps only partly: its mock stays, so its names stay with it.
jest.mock('../agents/execution_engine_consolidated');

export const engines: UserExecutionEngine[] = [];
