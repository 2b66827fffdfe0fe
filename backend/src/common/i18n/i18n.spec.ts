import { catalogues, resolveLocale, translate } from './i18n';

function keysOf(catalogue: Record<string, Record<string, string>>): string[] {
  return Object.entries(catalogue).flatMap(([namespace, messages]) => Object.keys(messages).map((key) => `${namespace}.${key}`));
}

describe('server message catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    const fr = keysOf(catalogues.fr).sort();
    const en = keysOf(catalogues.en).sort();
    expect(fr.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !fr.includes(key))).toEqual([]);
    for (const locale of ['fr', 'en'] as const) {
      for (const key of keysOf(catalogues[locale])) {
        expect(translate(locale, key).trim()).not.toBe('');
      }
    }
  });

  it('write French with its typography: apostrophes ’ and quotes « », never the typewriter ones', () => {
    const typewriter = keysOf(catalogues.fr).filter((key) => /['"]/.test(translate('fr', key)));
    expect(typewriter).toEqual([]);
  });

  it('interpolates parameters and keeps unknown placeholders visible', () => {
    expect(translate('en', 'errors.too_many_attempts', { minutes: 15 })).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(translate('fr', 'errors.version_conflict', {})).toContain('{currentVersion}');
  });
});

describe('resolveLocale', () => {
  it('prefers ?lang, then Accept-Language by weight, then French', () => {
    expect(resolveLocale({ query: { lang: 'en' }, headers: { 'accept-language': 'fr' } })).toBe('en');
    expect(resolveLocale({ query: {}, headers: { 'accept-language': 'de-DE,en;q=0.8,fr;q=0.5' } })).toBe('en');
    expect(resolveLocale({ query: {}, headers: { 'accept-language': 'en;q=0.2,fr-CA;q=0.9' } })).toBe('fr');
    expect(resolveLocale({ query: {}, headers: { 'accept-language': 'de' } })).toBe('fr');
    expect(resolveLocale({ query: { lang: 'xx' }, headers: {} })).toBe('fr');
  });
});
