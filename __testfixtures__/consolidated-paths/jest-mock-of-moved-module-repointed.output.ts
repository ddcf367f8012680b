jest.mock('../agents/supervisor/execution_engine_factory', () => ({
  ...jest.requireActual('../agents/supervisor/execution_engine_factory'),
  createUserExecutionEngine: jest.fn(),
}));

test('the factory is mocked', () => {
  expect(jest.isMockFunction(jest.requireMock('../agents/supervisor/execution_engine_factory').createUserExecutionEngine)).toBe(true);
});
