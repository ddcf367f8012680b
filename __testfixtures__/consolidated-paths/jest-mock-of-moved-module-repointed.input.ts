jest.mock('../agents/execution_engine_unified_factory', () => ({
  ...jest.requireActual('../agents/execution_engine_unified_factory'),
  createUserExecutionEngine: jest.fn(),
}));

test('the factory is mocked', () => {
  expect(jest.isMockFunction(jest.requireMock('../agents/execution_engine_unified_factory').createUserExecutionEngine)).toBe(true);
});
