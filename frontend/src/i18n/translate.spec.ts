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

describe('plurals in the catalogues (ICU style, by each language’s rules)', () => {
  it('says a breach’s scale with the numbers known, grouped as the language writes them', () => {
    const fr = createTranslator(catalogues.fr, 'fr');
    const en = createTranslator(catalogues.en, 'en');
    expect(fr('breaches.detail.approxPersons', { count: 1 })).toBe('1 personne');
    expect(fr('breaches.detail.approxRecords', { count: 12500 }).replace(/\s/g, ' ')).toBe('12 500 enregistrements');
    expect(en('breaches.detail.approxPersons', { count: 3400 })).toBe('3,400 people');
    expect(en('breaches.detail.approxRecords', { count: 1 })).toBe('1 record');
  });

  it('says « 1 question répondue », never « 1 questions »', () => {
    const fr = createTranslator(catalogues.fr, 'fr');
    expect(fr('designGrid.wizard.progress', { count: 0 })).toBe('0 question répondue sur 10');
    expect(fr('designGrid.wizard.progress', { count: 1 })).toBe('1 question répondue sur 10');
    expect(fr('designGrid.wizard.progress', { count: 7 })).toBe('7 questions répondues sur 10');
    expect(fr('findings.total', { count: 1 })).toBe('1 constat');
    expect(fr('imports.wouldCreate', { count: 3 })).toBe('Aucune erreur : 3 traitements seront créés.');
  });

  it('uses English rules for English (0 takes the plural)', () => {
    const en = createTranslator(catalogues.en, 'en');
    expect(en('findings.total', { count: 0 })).toBe('0 findings');
    expect(en('findings.total', { count: 1 })).toBe('1 finding');
    expect(en('activity.dpia.criteriaCount', { count: 1 })).toBe('1 criterion ticked.');
    expect(en('vendors.zones.summary', { countries: 1, vendors: 2, transfers: 1 })).toBe('1 country, 2 vendors, 1 transfer');
  });

  it('leaves no "(s)" hack in either catalogue', () => {
    for (const messages of [catalogues.fr, catalogues.en]) expect(JSON.stringify(messages)).not.toMatch(/\((s|x|ies)\)/);
  });
});
