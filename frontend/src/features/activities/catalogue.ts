/** Reading the reference catalogues (FR/EN labels, help, facts) for pickers and read-only views. */
import { type ScreeningCatalogueFacts, screeningFactsFrom } from '@domain/activities/screening-criteria';
import type { Locale } from '@/i18n/config';

import type { ActivityCatalogues, CatalogueItem } from './types';

export interface CatalogueOption {
  value: string;
  label: string;
  help: string | null;
}

export function itemLabel(item: CatalogueItem, locale: Locale): string {
  return item[locale] || item.code;
}

export function itemHelp(item: CatalogueItem, locale: Locale): string | null {
  const help = item.help?.[locale];
  const examples = item.examples as { fr?: unknown; en?: unknown } | undefined;
  const example = typeof examples?.[locale] === 'string' ? examples[locale] : null;
  if (help && example) return `${help} (${example})`;
  return help ?? example;
}

/**
 * The options of a picker, in catalogue order. A code the activity already uses but the catalogue no
 * longer lists (an own entry since removed) stays available, under its code, so it is never lost.
 */
export function catalogueOptions(
  items: readonly CatalogueItem[],
  locale: Locale,
  keep: readonly (string | null | undefined)[] = [],
): CatalogueOption[] {
  const options = items.map((item) => ({ value: item.code, label: itemLabel(item, locale), help: itemHelp(item, locale) }));
  const known = new Set(options.map((option) => option.value));
  for (const code of keep) {
    if (code && !known.has(code)) {
      known.add(code);
      options.push({ value: code, label: code, help: null });
    }
  }
  return options;
}

/** The label of `code` in `items`, or the code itself (free text, unknown code). */
export function codeLabel(items: readonly CatalogueItem[], code: string, locale: Locale): string {
  const item = items.find((candidate) => candidate.code === code);
  return item ? itemLabel(item, locale) : code;
}

/** The catalogue facts the register's rules, flags and DPIA screening read. */
export interface CatalogueFacts extends ScreeningCatalogueFacts {
  startEventCodes: ReadonlySet<string>;
}

/** Same facts as the server reads (backend activity-catalogues.ts): shipped entries only. */
export function catalogueFacts(catalogues: Pick<ActivityCatalogues, 'data-categories' | 'data-subject-categories' | 'retention-start-events'>): CatalogueFacts {
  const shipped = (items: readonly CatalogueItem[]) => items.filter((item) => !item.custom).map((item) => ({ code: item.code, facts: item }));
  return {
    ...screeningFactsFrom(shipped(catalogues['data-categories']), shipped(catalogues['data-subject-categories'])),
    startEventCodes: new Set(catalogues['retention-start-events'].map((item) => item.code)),
  };
}

export const EMPTY_CATALOGUES: ActivityCatalogues = {
  'legal-bases': [],
  'art9-conditions': [],
  'data-categories': [],
  'data-subject-categories': [],
  'recipient-categories': [],
  'security-measures': [],
  'retention-start-events': [],
  'transfer-mechanisms': [],
  countries: [],
  'dpia-criteria': [],
  'dpia-cnil-required': [],
  'dpia-cnil-exempt': [],
};
