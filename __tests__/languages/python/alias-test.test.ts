/**
 * Python's alias test lets `apply` skip a file that names canonical modules only: it must let through
 * every way Python imports a name under another, whatever stands between the name and `as`.
 */
import { aliasTest } from '../../../src/languages/python/alias-test';

const mayAlias = aliasTest(['UserExecutionEngine', 'create_user_execution_engine']);

describe("Python's alias test", () => {
  it.each([
    ['from netra.agents.user_execution_engine import UserExecutionEngine as Engine'],
    ['from .user_execution_engine import (\n    UserExecutionEngine  # the canonical one\n    as Engine,\n)'],
    // A comment ends at a lone CR too (Python reads it as a line break).
    ['from .user_execution_engine import (\n    UserExecutionEngine  # the canonical one\r    as Engine,\n)'],
    ['from .user_execution_engine import UserExecutionEngine \\\n    as Engine'],
    ['from .factory import create_user_execution_engine as make_engine'],
    ['from .user_execution_engine import (UserExecutionEngine as Engine)'],
    ['# Ｕ is a full-width letter: Python reads ＵserExecutionEngine as UserExecutionEngine\nfrom m import ＵserExecutionEngine as E'],
  ])('lets through %s', (text) => {
    expect(mayAlias(text)).toBe(true);
  });

  it.each([
    ['from netra.agents.user_execution_engine import UserExecutionEngine\nengine = UserExecutionEngine()'],
    ['from .user_execution_engine import (\n    UserExecutionEngine,  # as Engine\n)'],
    ['from .user_execution_engine import UserExecutionEngineV2 as Engine'],
    ['from .user_execution_engine import MyUserExecutionEngine as Engine'],
    ['import netra.agents.user_execution_engine as canonical'],
    ['x: UserExecutionEngine = make()  # UserExecutionEngine.assemble'],
  ])('skips %s', (text) => {
    expect(mayAlias(text)).toBe(false);
  });
});
