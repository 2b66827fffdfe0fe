import type { Locale } from '@/i18n/config';

import countries from './countries.json';

export interface CountryOption {
  value: string;
  label: string;
}

/** ISO 3166-1 alpha-2 countries, named and sorted in the given language. */
export function countryOptions(locale: Locale): CountryOption[] {
  const collator = new Intl.Collator(locale);
  return countries.items
    .map((country) => ({ value: country.code, label: country[locale] }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** The country's name in the given language, or the code itself when unknown. */
export function countryName(code: string, locale: Locale): string {
  return countries.items.find((country) => country.code === code)?.[locale] ?? code;
}
