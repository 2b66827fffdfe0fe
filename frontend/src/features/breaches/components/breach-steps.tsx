'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { BREACH_RISKS, COMMUNICATION_EXCEPTIONS, FACTOR_LEVELS } from '@domain/breaches/breach.types';

import { DisclosureForm } from '@/components/disclosure-form';
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

/** The EDPB factors asked alike, in the page's order: yes/no questions and levels (or not assessed yet). */
const FACTORS = [
  { name: 'sensitiveData', kind: 'check' },
  { name: 'identifiability', kind: 'level' },
  { name: 'severity', kind: 'level' },
  { name: 'vulnerablePersons', kind: 'check' },
] as const;

function AssessStep({ organizationId, breach, onDone }: StepProps) {
  const t = useT();
  const api = useApi();
  const form = useForm<AssessForm>({ resolver: zodResolver(ZAssessSchema), defaultValues: assessDefaults(breach) });
  const { formError, onSubmit } = useApiFormSubmit(form, ASSESS_FIELDS, async (values) => {
    await updateBreach(api, organizationId, breach.id, assessToBody(values, breach.version));
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  const factorLevels = FACTOR_LEVELS.map((level) => ({ value: level, label: t(`breaches.factors.levels.${level}`) }));
  return (
    <DisclosureForm
      testId="breach-assess"
      title={t('breaches.steps.assess')}
      hint={t('breaches.steps.assessHint')}
      open={breach.risk === null}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('breaches.steps.assessSubmit')}
      submitTestId="breach-assess-submit"
      submitting={isSubmitting}
    >
      <SelectField id="assess-risk" label={t('breaches.list.risk')} required options={BREACH_RISKS.map((risk) => ({ value: risk, label: t(`breaches.risks.${risk}`) }))} registration={form.register('risk')} error={errors.risk} />
      <TextAreaField id="assess-riskRationale" label={t('breaches.steps.riskRationale')} hint={t('breaches.steps.riskRationaleHint')} required registration={form.register('riskRationale')} error={errors.riskRationale} />
      <fieldset className="item" data-testid="breach-factors">
        <legend>{t('breaches.factors.title')}</legend>
        <p className="field__hint">{t('breaches.factors.hint')}</p>
        {FACTORS.map(({ name, kind }) =>
          kind === 'check' ? (
            <div className="check" key={name}>
              <input id={`assess-${name}`} type="checkbox" className="check__box" {...form.register(name)} />
              <label className="check__label" htmlFor={`assess-${name}`}>
                {t(`breaches.factors.${name}`)}
              </label>
            </div>
          ) : (
            <SelectField
              key={name}
              id={`assess-${name}`}
              label={t(`breaches.factors.${name}`)}
              emptyLabel={t('breaches.factors.notAssessed')}
              options={factorLevels}
              registration={form.register(name)}
              error={errors[name]}
            />
          ),
        )}
        <TextField
          id="assess-controllerCharacteristics"
          label={t('breaches.factors.controllerCharacteristics')}
          hint={t('breaches.factors.controllerCharacteristicsHint')}
          registration={form.register('controllerCharacteristics')}
          error={errors.controllerCharacteristics}
        />
      </fieldset>
    </DisclosureForm>
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
    <DisclosureForm
      testId="breach-notify"
      title={t('breaches.steps.notify')}
      hint={t('breaches.steps.notifyHint')}
      open={breach.authorityNotifiedAt === null}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('breaches.steps.notifySubmit')}
      submitTestId="breach-notify-submit"
      submitting={isSubmitting}
    >
      <TextField id="notify-notifiedAt" type="datetime-local" label={t('breaches.steps.notifiedAt')} required registration={form.register('notifiedAt')} error={errors.notifiedAt} />
      <TextField id="notify-reference" label={t('breaches.steps.reference')} registration={form.register('reference')} error={errors.reference} />
      <div className="check">
        <input id="notify-phased" type="checkbox" className="check__box" {...form.register('phased')} />
        <label className="check__label" htmlFor="notify-phased">
          {t('breaches.steps.phased')}
        </label>
      </div>
      <TextAreaField id="notify-delayReasons" label={t('breaches.steps.delayReasons')} hint={t('breaches.steps.delayReasonsHint')} registration={form.register('delayReasons')} error={errors.delayReasons} />
    </DisclosureForm>
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
    <DisclosureForm
      testId="breach-inform"
      title={t('breaches.steps.inform')}
      hint={t('breaches.steps.informHint')}
      open={breach.personsCommunicatedAt === null && breach.personsCommunication.exception === null}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('breaches.steps.informSubmit')}
      submitTestId="breach-inform-submit"
      submitting={isSubmitting}
    >
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
    </DisclosureForm>
  );
}
