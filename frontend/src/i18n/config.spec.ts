import { localeCookie, negotiateLocale, parseAcceptLanguage, resolveLocale } from './config';

describe('parseAcceptLanguage', () => {
  it('orders tags by q-value, then by position, and drops q=0', () => {
    expect(parseAcceptLanguage('de;q=0.5, en-GB, fr;q=0.9, it;q=0')).toEqual(['en-gb', 'fr', 'de']);
  });

  it('returns nothing for a missing header', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('')).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it('picks English when the browser prefers it', () => {
    expect(negotiateLocale('en-US,en;q=0.9,fr;q=0.8')).toBe('en');
  });

  it('picks French when the browser prefers it', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
  });

  it('skips languages we do not have', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.5')).toBe('en');
  });

  it('defaults to French', () => {
    expect(negotiateLocale('de, es')).toBe('fr');
    expect(negotiateLocale(null)).toBe('fr');
    expect(negotiateLocale('*')).toBe('fr');
  });
});

describe('resolveLocale', () => {
  it('prefers the cookie over Accept-Language', () => {
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'en-US' })).toBe('fr');
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'fr-FR' })).toBe('en');
  });

  it('ignores an unknown cookie value', () => {
    expect(resolveLocale({ cookie: 'xx', acceptLanguage: 'en' })).toBe('en');
  });

  it('writes a cookie the server can read on every path', () => {
    expect(localeCookie('en')).toMatch(/^registre_locale=en; Path=\/; Max-Age=\d+; SameSite=Lax$/);
  });
});
