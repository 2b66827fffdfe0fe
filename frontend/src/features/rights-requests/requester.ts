import { dateInWords } from '@domain/words/dates';

import type { Locale } from '@/i18n/config';
import type { Translate } from '@/i18n/translate';
import type { RightsRequestSummary } from './types';

/**
 * Who made the request, as the pages show it: once the retention job removed the identity, a
 * sentence in the reader's language with the day it went (the stored label is French only).
 */
export function requesterInWords(request: Pick<RightsRequestSummary, 'requesterName' | 'identityErasedAt'>, t: Translate, locale: Locale): string {
  if (!request.identityErasedAt) return request.requesterName;
  return t('rightsRequests.identityErased', { date: dateInWords(request.identityErasedAt, locale) ?? '' });
}
