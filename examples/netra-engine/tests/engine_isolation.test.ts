// A test file. Patterns: `jest.mock` and `jest.requireActual` of the moved unified factory (one relative,
// one through `@app/*`), `typeof import()` as a type argument, and an import of the moved module.
import { createUserExecutionEngine } from '../src/agents/execution_engine_unified_factory';

jest.mock('../src/agents/execution_engine_unified_factory', () => {
  const actual = jest.requireActual<typeof import('@app/agents/execution_engine_unified_factory')>(
    '@app/agents/execution_engine_unified_factory',
  );
  return { ...actual };
});

export async function twoUsersStayIsolated(): Promise<boolean> {
  const alice = createUserExecutionEngine({ userId: 'alice', runId: 'r1' });
  const bob = createUserExecutionEngine({ userId: 'bob', runId: 'r2' });
  await alice.executeAgent('echo', 'hello');
  return bob.results().length === 0 && alice.results().length === 1;
}
