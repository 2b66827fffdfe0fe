'use client';

import { useEffect, useId, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryName } from '@/lib/countries';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import type { AdequacyConfirmation, Vendor } from '../types';
import { confirmAdequacyScope, getVendor, listAdequacyConfirmations } from '../vendors-api';
import { ScopeQuestion } from './scope-question';

/**
 * Partial adequacy decisions (Art 45(1): Canada, Japan, Korea, the US Data Privacy Framework) cover
 * only some recipients: the DPO confirms once, with why, that this vendor is covered. The record of
 * who confirmed what, when and why is shown to every reader.
 */
export function AdequacyScopePanel({ organizationId, vendor, canConfirm, onConfirmed }: { organizationId: string; vendor: Vendor; canConfirm: boolean; onConfirmed: (vendor: Vendor) => void }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ids = useId();
  const [history, setHistory] = useState<AdequacyConfirmation[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toConfirm = vendor.assessment.locations.filter((location) => location.scopeToConfirm);

  useEffect(() => {
    let live = true;
    listAdequacyConfirmations(api, organizationId, vendor.id)
      .then((items) => {
        if (live) setHistory(items);
      })
      .catch(() => {
        // The history is a reading aid: the status table already says what is covered.
      });
    return () => {
      live = false;
    };
  }, [api, organizationId, vendor.id, vendor.version]);

  if (toConfirm.length === 0 && history.length === 0) return null;

  async function onConfirm(country: string) {
    setError(null);
    setBusy(true);
    try {
      await confirmAdequacyScope(api, organizationId, vendor.id, { country, reason: reasons[country] ?? '' });
      setHistory(await listAdequacyConfirmations(api, organizationId, vendor.id));
      setReasons((current) => ({ ...current, [country]: '' }));
      onConfirmed(await getVendor(api, organizationId, vendor.id));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="vendor-section panel" aria-labelledby={`${ids}-title`} data-testid="adequacy-scope-panel">
      <h2 id={`${ids}-title`}>{t('vendors.adequacyScope.title')}</h2>
      <p className="panel__intro">{t('vendors.adequacyScope.intro')}</p>
      {toConfirm.map((location) => {
        const decision = location.reasons.find((reason) => reason.code === 'partial_adequacy_unconfirmed')?.params.decision ?? '';
        return (
          <ScopeQuestion
            key={location.country}
            question={t('vendors.adequacyScope.question', { country: countryName(location.country, locale), decision })}
            canConfirm={canConfirm}
            busy={busy}
            reason={reasons[location.country] ?? ''}
            onReason={(reason) => {
              setReasons((current) => ({ ...current, [location.country]: reason }));
            }}
            onConfirm={() => void onConfirm(location.country)}
            words={{ reason: t('vendors.adequacyScope.reason'), confirm: t('vendors.adequacyScope.confirm'), dpoOnly: t('vendors.adequacyScope.dpoOnly') }}
            testId={location.country}
          />
        );
      })}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {history.length > 0 ? (
        <>
          <h3>{t('vendors.adequacyScope.history')}</h3>
          <ul data-testid="adequacy-scope-history">
            {history.map((item) => (
              <li key={item.id}>
                {t(item.current ? 'vendors.adequacyScope.entry' : 'vendors.adequacyScope.entryLapsed', {
                  country: countryName(item.country, locale),
                  decision: item.decision,
                  who: item.confirmedByName ?? t('vendors.adequacyScope.someone'),
                  date: formatDate(typeof item.confirmedAt === 'string' ? item.confirmedAt : new Date(item.confirmedAt).toISOString(), locale),
                  reason: item.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
