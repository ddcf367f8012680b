import { vi } from 'vitest';

vi.mock(import('../agents/execution_engine_unified_factory.js'), async (importOriginal) => ({
  ...(await importOriginal()),
  createUserExecutionEngine: vi.fn(),
}));
