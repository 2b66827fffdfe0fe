'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';

import { FormDateField } from '@/components/form/date-field';
import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField } from '@/components/fields';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { recordConsultationAnswer } from '../dpias-api';
import { consultationAnswerDefaults, consultationAnswerSchema, type ConsultationAnswerForm } from '../schemas';
import { CONSULTATION_OUTCOMES, type DpiaDetail, type PriorConsultationView } from '../types';

/**
 * Art 36: the prior consultation of the supervisory authority recorded with the decision — the
 * request, the days by which the authority should answer (eight weeks, fourteen if it extends), its
 * answer; and, while none is recorded, the DPO's form to record it. The processing waits meanwhile.
 */
export function ConsultationBlock({ organizationId, dpia, onChange }: { organizationId: string; dpia: DpiaDetail; onChange: (next: DpiaDetail) => void }) {
  const t = useT();
  const consultation = dpia.priorConsultation;
  if (!consultation) return null;
  return (
    <div id="dpia-priorConsultation" className="panel" data-testid="dpia-consultation" aria-labelledby="dpia-consultation-title">
      <h3 id="dpia-consultation-title">{t('dpias.consultation.title')}</h3>
      <ConsultationFacts consultation={consultation} />
      {consultation.answer ? null : <AnswerForm organizationId={organizationId} dpia={dpia} sentOn={consultation.sentOn} onChange={onChange} />}
    </div>
  );
}

function ConsultationFacts({ consultation }: { consultation: PriorConsultationView }) {
  const t = useT();
  const locale = useLocale();
  const answer = consultation.answer;
  return (
    <>
      <dl className="dpia-consultation__facts">
        <dt>{t('dpias.consultation.sentOn')}</dt>
        <dd data-testid="consultation-sent-on">{formatDate(consultation.sentOn, locale)}</dd>
        <dt>{t('dpias.consultation.reference')}</dt>
        <dd>{consultation.reference}</dd>
        <dt>{t('dpias.consultation.dueOn')}</dt>
        <dd data-testid="consultation-due-on">
          {t('dpias.consultation.due', { date: formatDate(consultation.answerDueOn, locale), extended: formatDate(consultation.extendedAnswerDueOn, locale) })}
        </dd>
        <dt>{t('dpias.consultation.answer')}</dt>
        <dd data-testid="consultation-answer" data-outcome={answer?.outcome ?? 'pending'}>
          {answer ? (
            <>
              <strong>{t(`dpias.consultation.outcomes.${answer.outcome}`)}</strong> — {answer.summary}
              <br />
              <span className="muted">{t('dpias.consultation.receivedOn', { date: formatDate(answer.receivedOn, locale) })}</span>
            </>
          ) : (
            t('dpias.consultation.pending')
          )}
        </dd>
      </dl>
      {!answer ? <p className="notice" data-testid="consultation-on-hold">{t('dpias.consultation.onHold')}</p> : null}
      {answer?.outcome === 'processing_prohibited' ? <p className="alert alert--error">{t('dpias.consultation.prohibited')}</p> : null}
    </>
  );
}

function AnswerForm({ organizationId, dpia, sentOn, onChange }: { organizationId: string; dpia: DpiaDetail; sentOn: string; onChange: (next: DpiaDetail) => void }) {
  const t = useT();
  const api = useApi();
  const ability = useAppAbility();
  const schema = useMemo(() => consultationAnswerSchema(sentOn), [sentOn]);
  const form = useForm<ConsultationAnswerForm>({ resolver: zodResolver(schema), defaultValues: consultationAnswerDefaults() });
  const submit = useApiFormSubmit(form, ['receivedOn', 'outcome', 'summary'], async (values) => {
    onChange(await recordConsultationAnswer(api, organizationId, dpia.id, dpia.version, { receivedOn: values.receivedOn, outcome: values.outcome, summary: values.summary.trim() }));
  });
  if (!ability.can('validate', 'Dpia')) return <p className="panel__intro">{t('dpias.consultation.dpoOnly')}</p>;
  return (
    <form noValidate onSubmit={(event) => void submit.onSubmit(event)} aria-label={t('dpias.consultation.recordAnswer')}>
      <h4>{t('dpias.consultation.recordAnswer')}</h4>
      <FormDateField control={form.control} name="receivedOn" id="consultation-receivedOn" label={t('dpias.consultation.answerReceivedOn')} required />
      <SelectField
        id="consultation-outcome"
        label={t('dpias.consultation.outcome')}
        options={CONSULTATION_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`dpias.consultation.outcomes.${outcome}`) }))}
        registration={form.register('outcome')}
        required
      />
      <TextAreaField id="consultation-summary" label={t('dpias.consultation.summary')} hint={t('dpias.consultation.summaryHint')} registration={form.register('summary')} error={form.formState.errors.summary} required />
      <ErrorAlert>{submit.formError}</ErrorAlert>
      <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} data-testid="consultation-answer-submit">
        {t('dpias.consultation.recordAnswer')}
      </button>
    </form>
  );
}
