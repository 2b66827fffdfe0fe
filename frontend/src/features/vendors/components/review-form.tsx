'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { CountriesField } from '@/components/form/countries-field';
import { FormDateField } from '@/components/form/date-field';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextAreaField, TextField, type SelectOption } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { concernsOf } from '../reasons';
import { reviewFormDefaults, reviewFormToBody, ZReviewFormSchema, type ReviewForm as ReviewFormValues } from '../schemas';
import { END_OF_CONTRACT, REVIEW_RESULTS, SUB_PROCESSOR_CHANGE_NOTICES, type Concern, type Vendor } from '../types';
import { reviewVendor } from '../vendors-api';

/** The review questionnaire (DPO, admin): its result sets the status; a 422 lists what blocks approval. */
export function ReviewForm({ organizationId, vendor, onReviewed }: { organizationId: string; vendor: Vendor; onReviewed: (vendor: Vendor) => void }) {
  const t = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [concerns, setConcerns] = useState<Concern[]>([]);
  const [saved, setSaved] = useState('');
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ReviewFormValues>({ resolver: zodResolver(ZReviewFormSchema), defaultValues: reviewFormDefaults(vendor) });

  const triOptions: SelectOption[] = [
    { value: 'yes', label: t('vendors.yes') },
    { value: 'no', label: t('vendors.no') },
  ];
  const id = (field: keyof ReviewFormValues) => `review-${field}`;

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setConcerns([]);
    setSaved('');
    try {
      const next = await reviewVendor(api, organizationId, vendor.id, reviewFormToBody(values, vendor.version));
      setSaved(t('vendors.review.saved'));
      onReviewed(next);
    } catch (caught) {
      const list = concernsOf(caught);
      setConcerns(list);
      if (isApiError(caught, 'version_conflict')) {
        const details = caught.details as { currentVersion?: number } | undefined;
        setError(t('vendors.dpa.conflict', { version: details?.currentVersion ?? '?' }));
      } else {
        setError(errorMessage(caught, t));
      }
    }
  });

  return (
    <section className="vendor-section panel" aria-labelledby="review-title" data-testid="review-form">
      <h2 id="review-title">{t('vendors.review.title')}</h2>
      <p className="panel__intro">{t('vendors.review.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField id={id('certifications')} label={t('vendors.review.certifications')} registration={register('certifications')} error={errors.certifications} />
        <SelectField
          id={id('certificationsVerified')}
          label={t('vendors.review.certificationsVerified')}
          options={triOptions}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('certificationsVerified')}
          error={errors.certificationsVerified}
        />
        <CountriesField control={control} name="dataLocations" id={id('dataLocations')} label={t('vendors.review.dataLocations')} />
        <SelectField
          id={id('subProcessorsListed')}
          label={t('vendors.review.subProcessorsListed')}
          options={triOptions}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('subProcessorsListed')}
          error={errors.subProcessorsListed}
        />
        <SelectField
          id={id('subProcessorChangeNotice')}
          label={t('vendors.review.subProcessorChangeNotice')}
          options={SUB_PROCESSOR_CHANGE_NOTICES.map((value) => ({ value, label: t(`vendors.review.notices.${value}`) }))}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('subProcessorChangeNotice')}
          error={errors.subProcessorChangeNotice}
        />
        <SelectField
          id={id('breachNotificationCommitment')}
          label={t('vendors.review.breachNotificationCommitment')}
          options={triOptions}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('breachNotificationCommitment')}
          error={errors.breachNotificationCommitment}
        />
        <TextField
          id={id('breachNotificationDelayHours')}
          label={t('vendors.review.breachNotificationDelayHours')}
          inputMode="numeric"
          registration={register('breachNotificationDelayHours')}
          error={errors.breachNotificationDelayHours}
        />
        <SelectField
          id={id('endOfContract')}
          label={t('vendors.review.endOfContract')}
          options={END_OF_CONTRACT.map((value) => ({ value, label: t(`vendors.review.endOfContractOptions.${value}`) }))}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('endOfContract')}
          error={errors.endOfContract}
        />
        <SelectField
          id={id('auditRights')}
          label={t('vendors.review.auditRights')}
          options={triOptions}
          emptyLabel={t('vendors.notAnswered')}
          registration={register('auditRights')}
          error={errors.auditRights}
        />
        <TextAreaField id={id('securityMeasures')} label={t('vendors.review.securityMeasures')} registration={register('securityMeasures')} error={errors.securityMeasures} />
        <SelectField
          id={id('result')}
          label={t('vendors.review.result')}
          required
          options={REVIEW_RESULTS.map((value) => ({ value, label: t(`vendors.status.${value}`) }))}
          registration={register('result')}
          error={errors.result}
        />
        <FormDateField control={control} name="nextReviewDate" id={id('nextReviewDate')} label={t('vendors.review.nextReviewDate')} />
        <TextAreaField id={id('comment')} label={t('vendors.review.comment')} registration={register('comment')} error={errors.comment} />
        {error ? (
          <div data-testid="review-error">
            <ErrorAlert>
              {concerns.length > 0 ? t('vendors.review.cannotApprove') : error}
              {concerns.length > 0 ? (
                <ul data-testid="review-concerns">
                  {concerns.map((concern, index) => (
                    <li key={index} data-code={concern.code} data-blocking={concern.blocking}>
                      {concern.message ?? concern.code}
                    </li>
                  ))}
                </ul>
              ) : null}
            </ErrorAlert>
          </div>
        ) : null}
        <StatusMessage>{saved}</StatusMessage>
        <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="review-submit">
          {t('vendors.review.submit')}
        </button>
      </form>
    </section>
  );
}
