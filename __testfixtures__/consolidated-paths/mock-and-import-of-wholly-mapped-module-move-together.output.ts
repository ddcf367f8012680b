import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

// The mock follows the module it mocks: both move, so the import still gets the mock.
jest.mock('../agents/supervisor/execution_engine_factory');

export const factory = new ExecutionEngineFactory();
