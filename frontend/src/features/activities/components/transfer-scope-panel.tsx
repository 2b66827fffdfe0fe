'use client';

import { useId, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { ScopeQuestion } from '@/features/vendors/components/scope-question';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryName } from '@/lib/countries';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { confirmTransferScope, getActivity } from '../activities-api';
import type { Activity } from '../types';

/** A saved transfer waiting for the DPO: its recipient (null when the transfer names none), country and decision. */
interface Question {
  key: string;
  recipient: string | null;
  country: string;
  decision: string;
}

/** The saved transfers whose recipient's scope under a partial decision is not confirmed, once per recipient and country. */
export function scopeQuestions(activity: Pick<Activity, 'transfers' | 'transferStatuses'>): Question[] {
  const questions = new Map<string, Question>();
  activity.transfers.forEach((transfer, index) => {
    const status = activity.transferStatuses[index];
    if (status?.status !== 'scope_to_confirm') return;
    const named = transfer.recipient?.trim() ?? '';
    const recipient = named === '' ? null : named;
    const key = `${recipient?.toLowerCase() ?? ''}\u0000${transfer.country}`;
    const decision = status.reasons.find((reason) => reason.code === 'partial_adequacy_unconfirmed')?.params.decision ?? '';
    if (!questions.has(key)) questions.set(key, { key, recipient, country: transfer.country, decision });
  });
  return [...questions.values()];
}

/**
 * Partial adequacy decisions (Art 45(1): Canada, Japan, Korea, the US Data Privacy Framework) cover
 * only some recipients: for a transfer's recipient that is not a vendor of the register, the DPO
 * confirms here, once and with why, that it is covered (a vendor is confirmed on its own page).
 */
export function TransferScopePanel({ organizationId, activity, canConfirm, onConfirmed }: { organizationId: string; activity: Activity; canConfirm: boolean; onConfirmed: (activity: Activity) => void }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const titleId = useId();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const questions = scopeQuestions(activity);
  if (questions.length === 0) return null;

  async function onConfirm(question: Question & { recipient: string }) {
    setError(null);
    setBusy(true);
    try {
      await confirmTransferScope(api, organizationId, activity.id, { recipient: question.recipient, country: question.country, reason: reasons[question.key] ?? '' });
      setReasons((current) => ({ ...current, [question.key]: '' }));
      onConfirmed(await getActivity(api, organizationId, activity.id));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="transfer-scope-panel">
      <h2 id={titleId}>{t('activity.adequacyScope.title')}</h2>
      <p className="panel__intro">{t('activity.adequacyScope.intro')}</p>
      {questions.map((question) => {
        const country = countryName(question.country, locale);
        const { recipient } = question;
        if (recipient === null) {
          return (
            <p key={question.key} data-testid={`adequacy-scope-unnamed-${question.country}`}>
              {t('activity.adequacyScope.nameRecipient', { country, decision: question.decision })}
            </p>
          );
        }
        return (
          <ScopeQuestion
            key={question.key}
            question={t('activity.adequacyScope.question', { country, decision: question.decision, recipient })}
            canConfirm={canConfirm}
            busy={busy}
            reason={reasons[question.key] ?? ''}
            onReason={(reason) => {
              setReasons((current) => ({ ...current, [question.key]: reason }));
            }}
            onConfirm={() => void onConfirm({ ...question, recipient })}
            words={{ reason: t('activity.adequacyScope.reason'), confirm: t('activity.adequacyScope.confirm'), dpoOnly: t('activity.adequacyScope.dpoOnly') }}
            testId={question.country}
          />
        );
      })}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </section>
  );
}
