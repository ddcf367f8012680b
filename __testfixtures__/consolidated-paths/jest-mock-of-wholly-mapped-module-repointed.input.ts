import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

jest.mock('../core/managers/execution_engine_factory');

test('the factory class is mocked', () => {
  expect(jest.isMockFunction(ExecutionEngineFactory)).toBe(true);
});
