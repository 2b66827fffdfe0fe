/** Plain-language lines for the flags and the DPIA criteria the server computes. */
import { codeLabel } from '@/features/activities/catalogue';
import type { ActivityCatalogues } from '@/features/activities/types';
import { countryName } from '@/lib/countries';
import type { Locale } from '@/i18n/config';
import type { Translate } from '@/i18n/translate';

import { GRID_PRACTICES, type GridDpiaCriterion, type GridFlag, type GridPractice } from './types';

const isPractice = (code: string): code is GridPractice => (GRID_PRACTICES as readonly string[]).includes(code);

/** What a code the server names stands for, in the user's language. */
export function reasonLabel(code: string, t: Translate, catalogues: ActivityCatalogues, locale: Locale): string {
  if (isPractice(code)) return t(`designGrid.practices.${code}`);
  if (code === 'large_scale') return t('designGrid.flags.largeScale');
  if (catalogues['data-categories'].some((item) => item.code === code)) return codeLabel(catalogues['data-categories'], code, locale);
  if (catalogues['data-subject-categories'].some((item) => item.code === code)) return codeLabel(catalogues['data-subject-categories'], code, locale);
  return code;
}

export function criterionText(criterion: GridDpiaCriterion, t: Translate, catalogues: ActivityCatalogues, locale: Locale): string {
  const label = codeLabel(catalogues['dpia-criteria'], criterion.code, locale);
  const because = criterion.because.map((code) => reasonLabel(code, t, catalogues, locale)).join(', ');
  return because ? `${label} — ${t('designGrid.flags.because', { items: because })}` : label;
}

export function flagText(flag: GridFlag, t: Translate, catalogues: ActivityCatalogues, locale: Locale): string {
  const data = (codes: string[]) => codes.map((code) => codeLabel(catalogues['data-categories'], code, locale)).join(', ');
  switch (flag.code) {
    case 'special_categories':
    case 'minimisation_unjustified':
    case 'retention_without_end':
    case 'retention_to_decide':
      return t(`designGrid.flags.${flag.code}`, { items: data(flag.items) });
    case 'dpia_required':
      return t('designGrid.flags.dpia_required', { count: flag.items.length });
    case 'legitimate_interest_untested':
      return t(`designGrid.flags.${flag.code}`, { items: flag.items.join(', ') });
    case 'transfer_without_safeguards':
      // The server names each provider with its country code (« Covoit Cloud (US) »): the country in words.
      return t(`designGrid.flags.${flag.code}`, {
        items: flag.items.map((item) => item.replace(/\(([A-Z]{2})\)$/, (_, code: string) => `(${countryName(code, locale)})`)).join(', '),
      });
    default:
      return t(`designGrid.flags.${flag.code}`);
  }
}
