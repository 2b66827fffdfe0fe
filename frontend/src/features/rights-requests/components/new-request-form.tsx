'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';

import { IDENTITY_CHECK_STATUSES, REQUEST_CHANNELS, REQUEST_TYPES } from '@domain/rights-requests/rights-request.types';

import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { catalogueOptions } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import type { LinkedRecord } from '../linked-records';
import { createRightsRequest } from '../registers-api';
import { ActivityPicker } from './activity-picker';
import { NEW_REQUEST_FIELDS, newRequestDefaults, newRequestToBody, ZNewRequestSchema, type NewRequestForm } from '../request-forms';

/** Records a request as it arrived (intake), then opens its page with the clock running. */
export function NewRightsRequestForm({ organizationId, subjectCategories }: { organizationId: string; subjectCategories: readonly CatalogueItem[] }) {
  const t = useT();
  const locale = useLocale();
  const categoryOptions = useMemo(() => catalogueOptions(subjectCategories, locale), [subjectCategories, locale]);
  const [activities, setActivities] = useState<LinkedRecord[]>([]);
  const [subjectCategory, setSubjectCategory] = useState('');
  const api = useApi();
  const router = useRouter();
  const form = useForm<NewRequestForm>({ resolver: zodResolver(ZNewRequestSchema), defaultValues: newRequestDefaults() });
  const {
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  useUnsavedChangesWarning(isDirty, t('activity.unsavedWarning'));
  const { formError, onSubmit } = useApiFormSubmit(form, NEW_REQUEST_FIELDS, async (values) => {
    const created = await createRightsRequest(api, organizationId, newRequestToBody(
        values,
        activities.map((activity) => activity.id),
        subjectCategory,
      ));
    form.reset(values);
    router.push(orgPath(organizationId, `rights-requests/${encodeURIComponent(created.id)}`));
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="page-title"
      data-testid="new-rights-request-form"
      onSubmit={(event) => {
        void onSubmit(event);
      }}
    >
      <ErrorAlert>{formError}</ErrorAlert>
      <SelectField
        id="request-type"
        label={t('rightsRequests.form.type')}
        required
        options={REQUEST_TYPES.map((type) => ({ value: type, label: t(`rightsRequests.types.${type}`) }))}
        registration={register('type')}
        error={errors.type}
      />
      <TextField id="request-receivedAt" type="datetime-local" label={t('rightsRequests.form.receivedAt')} hint={t('rightsRequests.form.receivedAtHint')} required registration={register('receivedAt')} error={errors.receivedAt} />
      <SelectField
        id="request-channel"
        label={t('rightsRequests.form.channel')}
        required
        options={REQUEST_CHANNELS.map((channel) => ({ value: channel, label: t(`rightsRequests.form.channels.${channel}`) }))}
        registration={register('channel')}
        error={errors.channel}
      />
      <TextField id="request-requesterName" label={t('rightsRequests.form.requesterName')} hint={t('rightsRequests.form.requesterNameHint')} required registration={register('requesterName')} error={errors.requesterName} />
      <TextField id="request-requesterContact" label={t('rightsRequests.form.requesterContact')} registration={register('requesterContact')} error={errors.requesterContact} />
      <TextAreaField id="request-description" label={t('rightsRequests.form.description')} registration={register('description')} error={errors.description} />
      <SelectField
        id="request-identityCheckStatus"
        label={t('rightsRequests.form.identityCheckStatus')}
        hint={t('rightsRequests.form.identityCheckHint')}
        options={IDENTITY_CHECK_STATUSES.map((status) => ({ value: status, label: t(`rightsRequests.identity.${status}`) }))}
        registration={register('identityCheckStatus')}
        error={errors.identityCheckStatus}
      />
      <TextField id="request-identityCheckMethod" label={t('rightsRequests.form.identityCheckMethod')} registration={register('identityCheckMethod')} error={errors.identityCheckMethod} />
      <ActivityPicker organizationId={organizationId} subjectCategories={categoryOptions} value={activities} onChange={setActivities} idPrefix="request" onCategoryChange={setSubjectCategory} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="new-rights-request-submit">
          {isSubmitting ? t('common.saving') : t('rightsRequests.form.submit')}
        </button>
      </div>
    </form>
  );
}
