import { countryList, countryName } from './country-names';
import { dateInWords, dateTimeInWords } from './dates';
import { durationFromWords, durationInWords, retentionInWords } from './durations';
import { actorInWords, systemActorName } from './system-actors';

describe('country names in sentences', () => {
  it('gives French names their article and preposition', () => {
    expect(countryName('US', 'fr', 'to')).toBe('vers les États-Unis');
    expect(countryName('US', 'fr', 'of')).toBe('des États-Unis');
    expect(countryName('US', 'fr', 'in')).toBe('aux États-Unis');
    expect(countryName('CN', 'fr', 'to')).toBe('vers la Chine');
    expect(countryName('CN', 'fr', 'of')).toBe('de la Chine');
    expect(countryName('JP', 'fr', 'of')).toBe('du Japon');
    expect(countryName('JP', 'fr', 'in')).toBe('au Japon');
    expect(countryName('IN', 'fr', 'to')).toBe('vers l’Inde');
    expect(countryName('IN', 'fr', 'in')).toBe('en Inde');
    expect(countryName('MX', 'fr', 'the')).toBe('le Mexique');
    expect(countryName('SG', 'fr', 'of')).toBe('de Singapour');
    expect(countryName('IL', 'fr', 'in')).toBe('en Israël');
    expect(countryName('KY', 'fr', 'in')).toBe('aux Îles Caïmans');
    expect(countryName('GB', 'fr', 'in')).toBe('au Royaume-Uni');
  });

  it.each([
    ['CA', 'in', 'au Canada'],
    ['CA', 'to', 'vers le Canada'],
    ['CA', 'of', 'du Canada'],
    ['FR', 'in', 'en France'],
    ['FR', 'to', 'vers la France'],
    ['FR', 'of', 'de la France'],
    ['FR', 'the', 'la France'],
    ['US', 'in', 'aux États-Unis'],
    ['DE', 'in', 'en Allemagne'],
    ['BR', 'in', 'au Brésil'],
    ['CH', 'in', 'en Suisse'],
    ['PT', 'in', 'au Portugal'],
    ['MA', 'in', 'au Maroc'],
    ['IE', 'to', 'vers l’Irlande'],
    ['IL', 'to', 'vers Israël'],
    ['SG', 'in', 'à Singapour'],
    ['NL', 'of', 'des Pays-Bas'],
    ['AE', 'in', 'aux Émirats arabes unis'],
  ] as const)('French: %s as « %s » reads « %s »', (code, form, expected) => {
    expect(countryName(code, 'fr', form)).toBe(expected);
  });

  it('gives English names "the" where they take it', () => {
    expect(countryName('US', 'en', 'to')).toBe('to the United States');
    expect(countryName('GB', 'en', 'of')).toBe('of the United Kingdom');
    expect(countryName('IN', 'en', 'in')).toBe('in India');
    expect(countryName('HK', 'en')).toBe('Hong Kong');
  });

  it('lists several countries in one phrase', () => {
    expect(countryList(['US', 'IN'], 'fr', 'to')).toBe('vers les États-Unis et l’Inde');
    expect(countryList(['US', 'IN'], 'fr', 'of')).toBe('des États-Unis et de l’Inde');
    expect(countryList(['US', 'CN'], 'en', 'name')).toBe('United States and China');
  });
});

describe('durations in words', () => {
  it('writes ISO durations with plurals in both languages', () => {
    expect(durationInWords('P5Y', 'fr')).toBe('5 ans');
    expect(durationInWords('P1Y', 'fr')).toBe('1 an');
    expect(durationInWords('P1Y6M', 'fr')).toBe('1 an et 6 mois');
    expect(durationInWords('P13M', 'en')).toBe('13 months');
    expect(durationInWords('P1M', 'en')).toBe('1 month');
    expect(durationInWords('P2W', 'fr')).toBe('2 semaines');
    expect(durationInWords('P1D', 'en')).toBe('1 day');
    expect(durationInWords('not a duration', 'fr')).toBeNull();
  });

  it('reads durations written in words back (a workbook edited by hand)', () => {
    expect(durationFromWords('5 ans')).toBe('P5Y');
    expect(durationFromWords('1 an et 6 mois')).toBe('P1Y6M');
    expect(durationFromWords('13 months')).toBe('P13M');
    expect(durationFromWords('P45Y')).toBe('P45Y');
    expect(durationFromWords('cinq ans')).toBeNull();
    expect(durationFromWords('5 ans environ')).toBeNull();
    for (const iso of ['P5Y', 'P1Y6M', 'P8W', 'P30D']) for (const locale of ['fr', 'en'] as const) expect(durationFromWords(durationInWords(iso, locale))).toBe(iso);
  });

  it('reads a retention rule as one phrase', () => {
    expect(retentionInWords({ activePeriod: 'P5Y', archivePeriod: 'P45Y' }, 'fr')).toBe('5 ans, puis 45 ans en archive');
    expect(retentionInWords({ activePeriod: 'P5Y', archivePeriod: 'P45Y' }, 'en')).toBe('5 years, then 45 years archived');
    expect(retentionInWords({ activePeriod: 'P3Y', archivePeriod: null }, 'fr')).toBe('3 ans');
    expect(retentionInWords({ activePeriod: 'P0D', archivePeriod: 'P10Y' }, 'fr')).toBe('10 ans en archive dès l’événement de départ');
    expect(retentionInWords({ activePeriod: null, archivePeriod: null }, 'en')).toBeNull();
  });
});

describe('dates in words', () => {
  it('writes calendar dates in the language, not as ISO text', () => {
    expect(dateInWords('2026-05-25', 'fr')).toBe('25 mai 2026');
    expect(dateInWords('2026-05-25', 'en')).toBe('25 May 2026');
    expect(dateInWords('2026-12-02T02:30:49.505Z', 'fr')).toBe('2 décembre 2026');
    // An instant is the day at Paris time: 23:30 UTC on 1 December is already 2 December there.
    expect(dateInWords('2026-12-01T23:30:00.000Z', 'en')).toBe('2 December 2026');
    expect(dateInWords('', 'fr')).toBeNull();
  });

  it('writes instants at Paris time', () => {
    expect(dateTimeInWords('2026-12-02T02:30:49.505Z', 'fr')).toBe('2 décembre 2026 à 03:30');
    expect(dateTimeInWords('2026-12-02T02:30:49.505Z', 'en')).toBe('2 December 2026 at 03:30');
  });
});

describe('the product’s own actors in the reader’s language', () => {
  it('stores a job’s name in French and shows it in each language; a person’s name as given', () => {
    expect(systemActorName('screening')).toBe('Registre (pré-analyse AIPD automatique)');
    expect(actorInWords(systemActorName('screening'), 'en')).toBe('Registre (automatic DPIA screening)');
    expect(actorInWords(systemActorName('retention'), 'en')).toBe('Registre (automatic retention)');
    expect(actorInWords(systemActorName('retention'), 'fr')).toBe('Registre (conservation automatique)');
    expect(actorInWords('Agnès L’Hôte', 'en')).toBe('Agnès L’Hôte');
    expect(actorInWords(null, 'en')).toBeNull();
  });
});
