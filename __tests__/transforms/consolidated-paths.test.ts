import transform, { consolidatedPaths } from '../../transforms/consolidated-paths';
import { describeFixtures } from '../helpers/fixtures';

describe('consolidated-paths', () => {
  it('is a jscodeshift transform', () => expect(typeof transform).toBe('function'));
  describeFixtures('consolidated-paths', [{ name: 'consolidated-paths', run: consolidatedPaths }]);
});
