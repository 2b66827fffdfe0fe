/**
 * The API's reason codes (transfer status, exposure) and 422 concerns, in words. Pure: the translator
 * and the country names come in.
 */
import { isApiError } from '@/lib/api-error';
import type { Messages, Translate } from '@/i18n/translate';
import { isMessageKey } from '@/i18n/translate';

import type { Concern, Reason } from './types';

/** Params that name a country, shown with the country's name. */
const COUNTRY_PARAMS = new Set(['country', 'memberState']);

export function describeReason(
  reason: Reason,
  t: Translate,
  messages: Messages,
  countryName: (code: string) => string,
  mechanismName: (code: string) => string = (code) => code,
  /** A decision's start, end or annulment day (YYYY-MM-DD), in words. */
  dateName: (date: string) => string = (date) => date,
): string {
  const key = `vendors.reasons.${reason.code}`;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(reason.params)) {
    vars[name] = COUNTRY_PARAMS.has(name) ? countryName(value) : name === 'mechanism' ? mechanismName(value) : name === 'date' ? dateName(value) : value;
  }
  if (!isMessageKey(messages, key)) return reason.code;
  return t(key, vars);
}

/** The concerns of a 422 `vendor_cannot_approve` answer (each with the server's translated message). */
export function concernsOf(error: unknown): Concern[] {
  if (!isApiError(error, 'vendor_cannot_approve')) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null) return [];
  const concerns = (details as { concerns?: unknown }).concerns;
  if (!Array.isArray(concerns)) return [];
  return (concerns as unknown[]).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    if (typeof record.code !== 'string') return [];
    return [
      {
        code: record.code,
        blocking: record.blocking === true,
        params: (typeof record.params === 'object' && record.params !== null ? record.params : {}) as Record<string, string>,
        message: typeof record.message === 'string' ? record.message : undefined,
      },
    ];
  });
}
