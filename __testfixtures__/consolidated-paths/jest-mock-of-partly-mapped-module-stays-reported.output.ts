jest.mock('../agents/execution_engine_consolidated');

test('the legacy flag is mocked', () => {
  expect(jest.isMockFunction(jest.fn())).toBe(true);
});
