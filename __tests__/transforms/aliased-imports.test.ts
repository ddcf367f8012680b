import transform, { aliasedImports } from '../../transforms/aliased-imports';
import { describeFixtures } from '../helpers/fixtures';

describe('aliased-imports', () => {
  it('is a jscodeshift transform', () => expect(typeof transform).toBe('function'));
  describeFixtures('aliased-imports', [{ name: 'aliased-imports', run: aliasedImports }]);
});
