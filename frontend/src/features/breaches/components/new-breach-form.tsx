'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { BREACH_NATURES } from '@domain/breaches/breach.types';

import { ErrorAlert } from '@/components/alerts';
import { FieldFrame, TextAreaField, TextField, useFieldErrorText } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import { NEW_BREACH_FIELDS, newBreachDefaults, newBreachToBody, ZNewBreachSchema, type NewBreachForm } from '../breach-forms';
import { createBreach } from '../breaches-api';

/** Records a breach as soon as it is known (Art 33(5): every breach, notified or not), then opens it. */
export function NewBreachFormView({ organizationId }: { organizationId: string }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const form = useForm<NewBreachForm>({ resolver: zodResolver(ZNewBreachSchema), defaultValues: newBreachDefaults() });
  const {
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  useUnsavedChangesWarning(isDirty, t('activity.unsavedWarning'));
  const naturesError = useFieldErrorText(errors.natures as never);
  const { formError, onSubmit } = useApiFormSubmit(form, NEW_BREACH_FIELDS, async (values) => {
    const created = await createBreach(api, organizationId, newBreachToBody(values));
    form.reset(values);
    router.push(orgPath(organizationId, `breaches/${encodeURIComponent(created.id)}`));
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="page-title"
      data-testid="new-breach-form"
      onSubmit={(event) => {
        void onSubmit(event);
      }}
    >
      <ErrorAlert>{formError}</ErrorAlert>
      <TextField id="breach-summary" label={t('breaches.form.summary')} hint={t('breaches.form.summaryHint')} required registration={register('summary')} error={errors.summary} />
      <TextField id="breach-awareAt" type="datetime-local" label={t('breaches.form.awareAt')} hint={t('breaches.form.awareAtHint')} required registration={register('awareAt')} error={errors.awareAt} />
      <TextField id="breach-occurredAt" type="datetime-local" label={t('breaches.form.occurredAt')} registration={register('occurredAt')} error={errors.occurredAt} />
      <TextAreaField id="breach-discovery" label={t('breaches.form.discovery')} registration={register('discovery')} error={errors.discovery} />
      <FieldFrame id="breach-natures" label={t('breaches.form.natures')} hint={t('breaches.form.naturesHint')} errorText={naturesError}>
        {(describedBy) => (
          <fieldset className="check-group" aria-describedby={describedBy}>
            <legend className="visually-hidden">{t('breaches.form.natures')}</legend>
            {BREACH_NATURES.map((nature) => (
              <div className="check" key={nature}>
                <input id={`breach-nature-${nature}`} type="checkbox" className="check__box" value={nature} {...register('natures')} data-testid={`breach-nature-${nature}`} />
                <label className="check__label" htmlFor={`breach-nature-${nature}`}>
                  {t(`breaches.form.natureLabels.${nature}`)}
                </label>
              </div>
            ))}
          </fieldset>
        )}
      </FieldFrame>
      <TextField id="breach-approxPersons" inputMode="numeric" label={t('breaches.form.approxPersons')} registration={register('approxPersons')} error={errors.approxPersons} />
      <TextField id="breach-approxRecords" inputMode="numeric" label={t('breaches.form.approxRecords')} registration={register('approxRecords')} error={errors.approxRecords} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="new-breach-submit">
          {isSubmitting ? t('common.saving') : t('breaches.form.submit')}
        </button>
      </div>
    </form>
  );
}
