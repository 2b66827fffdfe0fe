import { catalogueFacts, catalogueOptions, codeLabel, EMPTY_CATALOGUES, itemHelp } from './catalogue';
import type { CatalogueItem } from './types';

const health: CatalogueItem = {
  code: 'health',
  fr: 'Données de santé',
  en: 'Health data',
  help: { fr: 'Santé physique ou mentale.', en: 'Physical or mental health.' },
  custom: false,
  special: true,
  examples: { fr: 'Arrêts maladie', en: 'Sick leave' },
};
const identity: CatalogueItem = { code: 'identity', fr: 'Identité', en: 'Identity', help: null, custom: false, special: false };
const nir: CatalogueItem = { code: 'national_identifier', fr: 'NIR', en: 'National ID', help: null, custom: false, article: '87' };
const own: CatalogueItem = { code: 'loyalty', fr: 'Carte de fidélité', en: 'Loyalty card', help: null, custom: true, special: true };

describe('catalogues', () => {
  it('offers labels and help in the user’s language, keeping codes the catalogue no longer lists', () => {
    expect(catalogueOptions([health, identity], 'fr', ['identity', 'gone', null])).toEqual([
      { value: 'health', label: 'Données de santé', help: 'Santé physique ou mentale. (Arrêts maladie)' },
      { value: 'identity', label: 'Identité', help: null },
      { value: 'gone', label: 'gone', help: null },
    ]);
    expect(itemHelp(health, 'en')).toBe('Physical or mental health. (Sick leave)');
    expect(codeLabel([health], 'health', 'en')).toBe('Health data');
    expect(codeLabel([health], 'Versement du salaire', 'en')).toBe('Versement du salaire');
  });

  it('reads the same facts as the server: shipped entries only', () => {
    const facts = catalogueFacts({
      ...EMPTY_CATALOGUES,
      'data-categories': [health, identity, nir, own],
      'data-subject-categories': [{ code: 'minors', fr: 'Mineurs', en: 'Minors', help: null, custom: false, vulnerableByDefault: true }],
      'retention-start-events': [{ code: 'collection', fr: 'Collecte', en: 'Collection', help: null, custom: false }],
    });
    expect([...facts.specialDataCategories]).toEqual(['health']);
    expect([...facts.nationalIdentifierCategories]).toEqual(['national_identifier']);
    expect([...facts.vulnerableSubjectCategories]).toEqual(['minors']);
    expect(facts.startEventCodes.has('collection')).toBe(true);
  });
});
