import { vi } from 'vitest';

vi.mock(import('../agents/supervisor/execution_engine_factory.js'), async (importOriginal) => ({
  ...(await importOriginal()),
  createUserExecutionEngine: vi.fn(),
}));
