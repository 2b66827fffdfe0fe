'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { BREACH_RISKS, COMMUNICATION_EXCEPTIONS } from '@backend/breaches/breach.types';

import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import type { components } from '@/lib/api/schema';
import { useAppAbility } from '@/lib/ability-context';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import {
  ASSESS_FIELDS,
  assessDefaults,
  assessToBody,
  INFORM_FIELDS,
  informDefaults,
  informToBody,
  NOTIFY_FIELDS,
  notifyDefaults,
  notifyToBody,
  ZAssessSchema,
  ZInformSchema,
  ZNotifySchema,
  type AssessForm,
  type InformForm,
  type NotifyForm,
} from '../breach-forms';
import { updateBreach } from '../breaches-api';

type Breach = components['schemas']['BreachView'];

/**
 * The DPO's three decisions on a breach, in the order the law asks them: the risk to the people, the
 * notification to the CNIL (unless there is no risk), and the communication to the people (high risk).
 * Each sends the version read: two people deciding at once never overwrite each other (409 in words).
 */
export function BreachSteps({ organizationId, breach }: { organizationId: string; breach: Breach }) {
  const t = useT();
  const ability = useAppAbility();
  const router = useRouter();
  if (!ability.can('update', 'Breach')) return null;
  const done = () => router.refresh();
  return (
    <section className="panel" aria-labelledby="breach-steps-title" data-testid="breach-steps">
      <h2 id="breach-steps-title">{t('breaches.steps.title')}</h2>
      <AssessStep key={`assess-${String(breach.version)}`} organizationId={organizationId} breach={breach} onDone={done} />
      {breach.risk && breach.risk !== 'none' ? <NotifyStep key={`notify-${String(breach.version)}`} organizationId={organizationId} breach={breach} onDone={done} /> : null}
      {breach.risk === 'high' ? <InformStep key={`inform-${String(breach.version)}`} organizationId={organizationId} breach={breach} onDone={done} /> : null}
    </section>
  );
}

interface StepProps {
  organizationId: string;
  breach: Breach;
  onDone: () => void;
}

function AssessStep({ organizationId, breach, onDone }: StepProps) {
  const t = useT();
  const api = useApi();
  const form = useForm<AssessForm>({ resolver: zodResolver(ZAssessSchema), defaultValues: assessDefaults(breach) });
  const { formError, onSubmit } = useApiFormSubmit(form, ASSESS_FIELDS, async (values) => {
    await updateBreach(api, organizationId, breach.id, assessToBody(values, breach.version));
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <details className="disclosure" data-testid="breach-assess" open={breach.risk === null}>
      <summary>{t('breaches.steps.assess')}</summary>
      <p className="field__hint">{t('breaches.steps.assessHint')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorAlert>{formError}</ErrorAlert>
        <SelectField id="assess-risk" label={t('breaches.list.risk')} required options={BREACH_RISKS.map((risk) => ({ value: risk, label: t(`breaches.risks.${risk}`) }))} registration={form.register('risk')} error={errors.risk} />
        <TextAreaField id="assess-riskRationale" label={t('breaches.steps.riskRationale')} hint={t('breaches.steps.riskRationaleHint')} required registration={form.register('riskRationale')} error={errors.riskRationale} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="breach-assess-submit">
            {t('breaches.steps.assessSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}

function NotifyStep({ organizationId, breach, onDone }: StepProps) {
  const t = useT();
  const api = useApi();
  const form = useForm<NotifyForm>({ resolver: zodResolver(ZNotifySchema), defaultValues: notifyDefaults(breach) });
  const { formError, onSubmit } = useApiFormSubmit(form, NOTIFY_FIELDS, async (values) => {
    await updateBreach(api, organizationId, breach.id, notifyToBody(values, breach.version));
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <details className="disclosure" data-testid="breach-notify" open={breach.authorityNotifiedAt === null}>
      <summary>{t('breaches.steps.notify')}</summary>
      <p className="field__hint">{t('breaches.steps.notifyHint')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField id="notify-notifiedAt" type="datetime-local" label={t('breaches.steps.notifiedAt')} required registration={form.register('notifiedAt')} error={errors.notifiedAt} />
        <TextField id="notify-reference" label={t('breaches.steps.reference')} registration={form.register('reference')} error={errors.reference} />
        <div className="check">
          <input id="notify-phased" type="checkbox" className="check__box" {...form.register('phased')} />
          <label className="check__label" htmlFor="notify-phased">
            {t('breaches.steps.phased')}
          </label>
        </div>
        <TextAreaField id="notify-delayReasons" label={t('breaches.steps.delayReasons')} hint={t('breaches.steps.delayReasonsHint')} registration={form.register('delayReasons')} error={errors.delayReasons} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="breach-notify-submit">
            {t('breaches.steps.notifySubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}

function InformStep({ organizationId, breach, onDone }: StepProps) {
  const t = useT();
  const api = useApi();
  const form = useForm<InformForm>({ resolver: zodResolver(ZInformSchema), defaultValues: informDefaults(breach) });
  const { formError, onSubmit } = useApiFormSubmit(form, INFORM_FIELDS, async (values) => {
    await updateBreach(api, organizationId, breach.id, informToBody(values, breach.version));
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  const mode = form.watch('mode');
  return (
    <details className="disclosure" data-testid="breach-inform" open={breach.personsCommunicatedAt === null && breach.personsCommunication.exception === null}>
      <summary>{t('breaches.steps.inform')}</summary>
      <p className="field__hint">{t('breaches.steps.informHint')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorAlert>{formError}</ErrorAlert>
        <SelectField
          id="inform-mode"
          label={t('breaches.steps.informMode')}
          required
          options={[
            { value: 'told', label: t('breaches.steps.modeTold') },
            { value: 'exception', label: t('breaches.steps.modeException') },
          ]}
          registration={form.register('mode')}
          error={errors.mode}
        />
        {mode === 'told' ? (
          <TextField id="inform-communicatedAt" type="datetime-local" label={t('breaches.steps.communicatedAt')} required registration={form.register('communicatedAt')} error={errors.communicatedAt} />
        ) : (
          <SelectField
            id="inform-exception"
            label={t('breaches.steps.exception')}
            required
            emptyLabel={t('breaches.steps.chooseException')}
            options={COMMUNICATION_EXCEPTIONS.map((exception) => ({ value: exception, label: t(`breaches.exceptions.${exception}`) }))}
            registration={form.register('exception')}
            error={errors.exception}
          />
        )}
        <TextAreaField id="inform-details" label={t('breaches.steps.details')} required registration={form.register('details')} error={errors.details} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="breach-inform-submit">
            {t('breaches.steps.informSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
