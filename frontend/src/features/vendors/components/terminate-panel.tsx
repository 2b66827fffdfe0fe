'use client';

import { useId, useState } from 'react';

import { TEXT_LIMITS } from '@domain/field-limits';

import { ErrorAlert } from '@/components/alerts';
import { useT } from '@/i18n/i18n-provider';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import type { TerminatedVendor, Vendor } from '../types';
import { terminateVendor } from '../vendors-api';

/** Terminate (DPO, admin): the answer lists the activities still using the vendor. */
export function TerminatePanel({
  organizationId,
  vendor,
  onTerminated,
}: {
  organizationId: string;
  vendor: Vendor;
  onTerminated: (result: TerminatedVendor) => void;
}) {
  const t = useT();
  const api = useApi();
  const ids = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onTerminate() {
    setError(null);
    setBusy(true);
    try {
      onTerminated(await terminateVendor(api, organizationId, vendor.id, vendor.version, comment));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="vendor-section panel" aria-labelledby={`${ids}-title`} data-testid="terminate-panel">
      <h2 id={`${ids}-title`}>{t('vendors.terminate.title')}</h2>
      <p className="panel__intro">{t('vendors.terminate.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-comment`}>
          {t('vendors.terminate.comment')}
        </label>
        <input
          id={`${ids}-comment`}
          className="field__control"
          value={comment}
          maxLength={TEXT_LIMITS.long}
          onChange={(event) => {
            setComment(event.target.value);
          }}
        />
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <button type="button" className="button button--danger" disabled={busy} data-testid="vendor-terminate" onClick={() => void onTerminate()}>
        {t('vendors.terminate.submit')}
      </button>
    </section>
  );
}
