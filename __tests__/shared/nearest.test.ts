import { didYouMean, editDistance, nearest } from '../../src/shared/nearest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each, case ignored', () => {
    expect(editDistance('symbols', 'symbols')).toBe(0);
    expect(editDistance('symbol', 'symbols')).toBe(1);
    expect(editDistance('simbols', 'symbols')).toBe(1);
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('Include', 'include')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearest and didYouMean', () => {
  it('suggests a candidate within a third of the word, or one the word begins', () => {
    expect(nearest('dry', ['batch', 'dry-run'])).toBe('dry-run');
    expect(nearest('verfy', ['verify', 'commit'])).toBe('verify');
    expect(nearest('extensions', ['exclude', 'include'])).toBeUndefined();
    expect(didYouMean('simbols', ['include', 'symbols'])).toBe('; did you mean "symbols"?');
  });

  it('says nothing when the word is itself a candidate, or none is near', () => {
    expect(didYouMean('src/twin', ['src/twin'])).toBe('');
    expect(didYouMean('zzz', ['include'])).toBe('');
  });
});
