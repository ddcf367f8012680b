// The little of jest's globals the tests here use, so the example type-checks without installing jest.
declare const jest: {
  mock(moduleName: string, factory?: () => unknown): void;
  requireActual<T = unknown>(moduleName: string): T;
};
