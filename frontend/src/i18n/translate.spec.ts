import { catalogues } from './catalogues';
import { createTranslator, interpolate, isMessageKey, lookup } from './translate';

describe('translator', () => {
  it('looks keys up by dotted path in the chosen catalogue', () => {
    expect(createTranslator(catalogues.fr)('login.submit')).toBe('Se connecter');
    expect(createTranslator(catalogues.en)('login.submit')).toBe('Sign in');
  });

  it('fills placeholders', () => {
    expect(createTranslator(catalogues.en)('home.title', { name: 'Alice' })).toBe('Welcome, Alice');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('only finds string leaves', () => {
    expect(lookup(catalogues.en, 'login')).toBeUndefined();
    expect(lookup(catalogues.en, 'login.nope')).toBeUndefined();
    expect(lookup(catalogues.en, 'toString')).toBeUndefined();
    expect(isMessageKey(catalogues.en, 'validation.required')).toBe(true);
    expect(isMessageKey(catalogues.en, 'Some server text.')).toBe(false);
  });
});
