import { FREE_MEASURE_PREFIX } from '@domain/activities/activity.types';

import { codeLabel, itemLabel } from '@/features/activities/catalogue';
import type { ActivityCatalogues, CatalogueItem } from '@/features/activities/types';
import type { Locale } from '@/i18n/config';

import type { FearedEvent, ScaleValue } from './types';

export type DpiaCatalogues = ActivityCatalogues & Record<'dpia-feared-events' | 'dpia-severity' | 'dpia-likelihood', CatalogueItem[]>;

/** The label of a level of the severity or likelihood scale (items carry their `value`, 1–4). */
export function scaleLabel(items: readonly CatalogueItem[], value: ScaleValue, locale: Locale): string {
  const item = items.find((candidate) => candidate.value === value);
  return item ? itemLabel(item, locale) : String(value);
}

export function fearedEventLabel(catalogues: DpiaCatalogues, event: FearedEvent, locale: Locale): string {
  return codeLabel(catalogues['dpia-feared-events'], event, locale);
}

/** A measure is a security-measures code or `other:<text>` (free text). */
export function measureLabel(catalogues: DpiaCatalogues, code: string, locale: Locale): string {
  return code.startsWith(FREE_MEASURE_PREFIX) ? code.slice(FREE_MEASURE_PREFIX.length) : codeLabel(catalogues['security-measures'], code, locale);
}
