import transform, { consolidatedPaths } from '../../transforms/consolidated-paths';
import { describeFixtures, runAs } from '../helpers/fixtures';

describe('consolidated-paths', () => {
  it('is a jscodeshift transform', () => expect(typeof transform).toBe('function'));
  // Not a fixture pair: prettier never writes code on an import's line, and the fixtures of a prettier folder are its output.
  it('ends a declaration split off with `;` where code goes on after it on its line, in a project without semicolons', () => {
    const input = "import { EngineContext, LEGACY_ENGINE_FLAG } from '../../agents/execution_engine_consolidated'; console.log(LEGACY_ENGINE_FLAG)\n";
    const result = runAs('prettier-semi-false/code-after-import.ts', input, [{ name: 'consolidated-paths', run: consolidatedPaths }]);
    expect(result.output).toBe(
      "import { LEGACY_ENGINE_FLAG } from '../../agents/execution_engine_consolidated';\n" +
      "import { EngineContext } from '../../agents/supervisor/user_execution_engine'; console.log(LEGACY_ENGINE_FLAG)\n",
    );
  });
  describeFixtures('consolidated-paths', [{ name: 'consolidated-paths', run: consolidatedPaths }]);
});
