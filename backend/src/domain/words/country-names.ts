/**
 * Country names as a sentence needs them, in French and English: "vers les États-Unis", "aux lois
 * des États-Unis", "en Inde", "to the United States". Names come from Intl.DisplayNames (CLDR);
 * French articles and genders from a table of the exceptions to the usual rule (a name ending in
 * « e » is feminine, else masculine; « Îles … » is plural). Pure and dependency-free: the web app
 * imports it too.
 */

export type WordsLocale = 'fr' | 'en';

/**
 * How the name is used:
 * - `name`: the bare name, for a list or a table cell (« États-Unis », "United States");
 * - `the`: with its article (« les États-Unis », "the United States");
 * - `to`: direction (« vers les États-Unis », "to the United States");
 * - `of`: belonging (« des États-Unis », "of the United States");
 * - `in`: location (« aux États-Unis », "in the United States").
 */
export type CountryForm = 'name' | 'the' | 'to' | 'of' | 'in';

/** f: feminine, m: masculine, p: plural, n: no article (islands and cities). */
type FrenchArticle = 'f' | 'm' | 'p' | 'n';

/** Names CLDR spells for a diplomat rather than for a reader. */
const NAME_OVERRIDES: Record<WordsLocale, Record<string, string>> = {
  fr: { HK: 'Hong Kong', MO: 'Macao', VA: 'Vatican', CD: 'République démocratique du Congo', CG: 'Congo' },
  en: { HK: 'Hong Kong', MO: 'Macao', VA: 'Vatican City', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo' },
};

/** French exceptions to "ends in e → feminine, else masculine". */
const FRENCH_ARTICLES: Record<string, FrenchArticle> = {
  // Masculine although ending in « e ».
  MX: 'm', KH: 'm', MZ: 'm', ZW: 'm', BZ: 'm', SR: 'm', CG: 'm', VA: 'm',
  // Plural.
  US: 'p', NL: 'p', PH: 'p', AE: 'p', KM: 'p', SC: 'p', MV: 'p', BS: 'p', FJ: 'p',
  // No article.
  SG: 'n', IL: 'n', MC: 'n', CU: 'n', MG: 'n', MT: 'n', CY: 'n', MU: 'n', TW: 'n', HK: 'n', MO: 'n', BH: 'n', DJ: 'n',
  HT: 'n', SM: 'n', LC: 'n', OM: 'n', NR: 'n', TV: 'n', KI: 'n', JE: 'n', GG: 'n', PR: 'n', AW: 'n', ST: 'n', KN: 'n',
  VC: 'n', TT: 'n', AG: 'n', MS: 'n', CW: 'n', SX: 'n', BL: 'n', MF: 'n', PM: 'n', SH: 'n',
  // Feminine without the final « e ».
  CD: 'f',
};

/** English names that take "the". */
const ENGLISH_THE = new Set(['US', 'GB', 'NL', 'PH', 'AE', 'BS', 'MV', 'KM', 'SC', 'GM', 'CD', 'CG', 'CF', 'DO', 'VA']);

const displayNames = new Map<WordsLocale, Intl.DisplayNames>();

/** The bare name of an ISO 3166-1 alpha-2 code; the code itself only when nothing knows it. */
export function countryLabel(code: string, locale: WordsLocale): string {
  const upper = code.trim().toUpperCase();
  const override = NAME_OVERRIDES[locale][upper];
  if (override) return override;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

const startsWithVowel = (text: string) => /^[aeiouyàâäéèêëîïôöùûüh]/i.test(text.normalize('NFC'));

function frenchArticle(code: string, name: string): FrenchArticle {
  const known = FRENCH_ARTICLES[code];
  if (known) return known;
  if (/^(Î|î)les\b/.test(name)) return 'p';
  return /e$/.test(name) ? 'f' : 'm';
}

function french(code: string, form: CountryForm): string {
  const name = countryLabel(code, 'fr');
  if (form === 'name') return name;
  const article = frenchArticle(code, name);
  const vowel = startsWithVowel(name);
  // The noun with its article: la France, l'Inde, le Japon, les États-Unis, Singapour.
  const the = article === 'p' ? `les ${name}` : article === 'n' ? name : vowel ? `l’${name}` : article === 'f' ? `la ${name}` : `le ${name}`;
  switch (form) {
    case 'the':
      return the;
    case 'to':
      return `vers ${the}`;
    case 'of':
      if (article === 'p') return `des ${name}`;
      if (article === 'n') return vowel ? `d’${name}` : `de ${name}`;
      if (vowel) return `de l’${name}`;
      return article === 'f' ? `de la ${name}` : `du ${name}`;
    case 'in':
      if (article === 'p') return `aux ${name}`;
      if (article === 'n') return code === 'IL' ? `en ${name}` : `à ${name}`;
      return article === 'f' || vowel ? `en ${name}` : `au ${name}`;
  }
}

function english(code: string, form: CountryForm): string {
  const name = countryLabel(code, 'en');
  if (form === 'name') return name;
  const the = ENGLISH_THE.has(code) || /\b(Islands|Republic|Kingdom|States|Emirates)\b/.test(name) ? `the ${name}` : name;
  switch (form) {
    case 'the':
      return the;
    case 'to':
      return `to ${the}`;
    case 'of':
      return `of ${the}`;
    case 'in':
      return `in ${the}`;
  }
}

/** The country `code` as `form` needs it in `locale` (see CountryForm). */
export function countryName(code: string, locale: WordsLocale, form: CountryForm = 'name'): string {
  const upper = code.trim().toUpperCase();
  return locale === 'fr' ? french(upper, form) : english(upper, form);
}

const lists = new Map<WordsLocale, Intl.ListFormat>();
/** Made once per language: a formatter costs far more to build than to use. */
function listFormat(locale: WordsLocale): Intl.ListFormat {
  let list = lists.get(locale);
  if (!list) lists.set(locale, (list = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return list;
}

/** Several countries in one phrase: « vers les États-Unis et l’Inde », "to the United States and India". */
export function countryList(codes: readonly string[], locale: WordsLocale, form: CountryForm = 'name'): string {
  if (codes.length === 0) return '';
  const list = listFormat(locale);
  if (form === 'name' || form === 'the') return list.format(codes.map((code) => countryName(code, locale, form)));
  // « vers » once, then each noun with its own article (« vers les États-Unis et l’Inde »); the other
  // prepositions repeat (« des États-Unis et de l’Inde », « aux États-Unis et en Inde »).
  return list.format(codes.map((code, index) => countryName(code, locale, form === 'to' && index > 0 ? 'the' : form)));
}
