'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { FormDateField } from '@/components/form/date-field';
import { isOpenRequest, REQUEST_TRANSITION_RULES, type RequestTransition } from '@domain/rights-requests/rights-request.types';

import { ErrorAlert } from '@/components/alerts';
import { DisclosureForm } from '@/components/disclosure-form';
import { TextAreaField, TextField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { extendRightsRequest, stepRightsRequest, type RequestStep } from '../registers-api';
import {
  ANSWER_FIELDS,
  answerToBody,
  EXTEND_FIELDS,
  nowLocal,
  REFUSE_FIELDS,
  refuseToBody,
  ZAnswerSchema,
  ZExtendSchema,
  ZRefuseSchema,
  type AnswerForm,
  type ExtendForm,
  type RefuseForm,
} from '../request-forms';
import type { RightsRequestDetail } from '../types';

const may = (request: RightsRequestDetail, transition: RequestTransition) => REQUEST_TRANSITION_RULES[transition].from.includes(request.status);

/**
 * What the DPO does next with a request, in the order it usually happens: check identity, work on
 * it, extend once if needed, then answer, refuse with grounds, or record a withdrawal. Each step sends
 * the version read, so two people handling one request never overwrite each other (409 in words).
 */
export function RightsRequestActions({ organizationId, request }: { organizationId: string; request: RightsRequestDetail }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!isOpenRequest(request.status) || !ability.can('update', 'RightsRequest')) return null;

  const done = () => {
    router.refresh();
  };
  const step = async (next: RequestStep) => {
    setBusy(true);
    setError(null);
    try {
      await stepRightsRequest(api, organizationId, request.id, next);
      done();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="request-actions-title" data-testid="rights-request-actions">
      <h2 id="request-actions-title">{t('rightsRequests.actions.title')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="button-row">
        {may(request, 'identity_check') ? (
          <button type="button" className="button" disabled={busy} onClick={() => void step({ transition: 'identity_check', body: { version: request.version } })} data-testid="request-identity-check">
            {t('rightsRequests.actions.identityCheck')}
          </button>
        ) : null}
        {may(request, 'start') ? (
          <>
            {request.status === 'identity_check' ? (
              <button type="button" className="button" disabled={busy} onClick={() => void step({ transition: 'start', body: { version: request.version, identityCheckStatus: 'verified' } })} data-testid="request-start-verified">
                {t('rightsRequests.actions.startVerified')}
              </button>
            ) : (
              <button type="button" className="button" disabled={busy} onClick={() => void step({ transition: 'start', body: { version: request.version } })} data-testid="request-start">
                {t('rightsRequests.actions.start')}
              </button>
            )}
          </>
        ) : null}
        {may(request, 'withdraw') ? (
          <button type="button" className="button" disabled={busy} onClick={() => void step({ transition: 'withdraw', body: { version: request.version } })} data-testid="request-withdraw">
            {t('rightsRequests.actions.withdraw')}
          </button>
        ) : null}
      </div>
      {request.extendedDueOn ? null : <ExtendForm organizationId={organizationId} request={request} onDone={done} />}
      {may(request, 'answer') ? <AnswerStep organizationId={organizationId} request={request} onDone={done} /> : null}
      {may(request, 'refuse') ? <RefuseStep organizationId={organizationId} request={request} onDone={done} /> : null}
    </section>
  );
}

function ExtendForm({ organizationId, request, onDone }: { organizationId: string; request: RightsRequestDetail; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const form = useForm<ExtendForm>({ resolver: zodResolver(ZExtendSchema), defaultValues: { reason: '', personInformedOn: nowLocal().slice(0, 10) } });
  const { formError, onSubmit } = useApiFormSubmit(form, EXTEND_FIELDS, async (values) => {
    await extendRightsRequest(api, organizationId, request.id, { version: request.version, reason: values.reason.trim(), personInformedOn: values.personInformedOn });
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <DisclosureForm
      testId="request-extend"
      title={t('rightsRequests.actions.extend')}
      hint={t('rightsRequests.actions.extendHint')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('rightsRequests.actions.extendSubmit')}
      submitTestId="request-extend-submit"
      submitting={isSubmitting}
    >
      <TextAreaField id="extend-reason" label={t('rightsRequests.actions.extendReason')} required registration={form.register('reason')} error={errors.reason} />
      <FormDateField control={form.control} name="personInformedOn" id="extend-personInformedOn" label={t('rightsRequests.actions.personInformedOn')} required />
    </DisclosureForm>
  );
}

function AnswerStep({ organizationId, request, onDone }: { organizationId: string; request: RightsRequestDetail; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const form = useForm<AnswerForm>({ resolver: zodResolver(ZAnswerSchema), defaultValues: { sentAt: nowLocal(), channel: '', summary: '' } });
  const { formError, onSubmit } = useApiFormSubmit(form, ANSWER_FIELDS, async (values) => {
    await stepRightsRequest(api, organizationId, request.id, { transition: 'answer', body: answerToBody(values, request.version) });
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <DisclosureForm
      testId="request-answer"
      title={t('rightsRequests.actions.answer')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('rightsRequests.actions.answerSubmit')}
      submitTestId="request-answer-submit"
      submitting={isSubmitting}
    >
      <TextField id="answer-sentAt" type="datetime-local" label={t('rightsRequests.actions.sentAt')} required registration={form.register('sentAt')} error={errors.sentAt} />
      <TextField id="answer-channel" label={t('rightsRequests.actions.answerChannel')} hint={t('rightsRequests.actions.answerChannelHint')} required registration={form.register('channel')} error={errors.channel} />
      <TextAreaField id="answer-summary" label={t('rightsRequests.actions.answerSummary')} required registration={form.register('summary')} error={errors.summary} />
    </DisclosureForm>
  );
}

function RefuseStep({ organizationId, request, onDone }: { organizationId: string; request: RightsRequestDetail; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const form = useForm<RefuseForm>({ resolver: zodResolver(ZRefuseSchema), defaultValues: { grounds: '', sentAt: nowLocal(), channel: '' } });
  const { formError, onSubmit } = useApiFormSubmit(form, REFUSE_FIELDS, async (values) => {
    await stepRightsRequest(api, organizationId, request.id, { transition: 'refuse', body: refuseToBody(values, request.version) });
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <DisclosureForm
      testId="request-refuse"
      title={t('rightsRequests.actions.refuse')}
      hint={t('rightsRequests.actions.refuseHint')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('rightsRequests.actions.refuseSubmit')}
      submitTestId="request-refuse-submit"
      submitting={isSubmitting}
    >
      <TextAreaField id="refuse-grounds" label={t('rightsRequests.actions.grounds')} required registration={form.register('grounds')} error={errors.grounds} />
      <TextField id="refuse-sentAt" type="datetime-local" label={t('rightsRequests.actions.toldAt')} required registration={form.register('sentAt')} error={errors.sentAt} />
      <TextField id="refuse-channel" label={t('rightsRequests.actions.answerChannel')} registration={form.register('channel')} error={errors.channel} />
    </DisclosureForm>
  );
}
