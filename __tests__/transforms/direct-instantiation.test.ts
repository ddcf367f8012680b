import transform, { directInstantiation } from '../../transforms/direct-instantiation';
import { describeFixtures } from '../helpers/fixtures';

describe('direct-instantiation', () => {
  it('is a jscodeshift transform', () => expect(typeof transform).toBe('function'));
  describeFixtures('direct-instantiation', [{ name: 'direct-instantiation', run: directInstantiation }]);
});
