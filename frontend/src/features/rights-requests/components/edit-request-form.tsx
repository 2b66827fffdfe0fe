'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';

import { IDENTITY_CHECK_STATUSES, REQUEST_CHANNELS, REQUEST_TYPES } from '@domain/rights-requests/rights-request.types';

import { ConflictAlert } from '@/components/alerts';
import { DisclosureForm } from '@/components/disclosure-form';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { catalogueOptions } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { useApi } from '@/lib/use-api';
import { useVersionedFormSubmit } from '@/lib/use-api-form-submit';

import type { LinkedRecord } from '../linked-records';
import { updateRightsRequest } from '../registers-api';
import { editRequestDefaults, editRequestToBody, NEW_REQUEST_FIELDS, ZNewRequestSchema, type NewRequestForm } from '../request-forms';
import type { RightsRequestDetail } from '../types';
import { ActivityPicker } from './activity-picker';

/**
 * Correcting the facts of a request after its creation — its receipt (the due days follow), channel,
 * right, words, requester, identity check — and the activities it touches, which the Art 15 answer is
 * written from. Sent with the version read: if someone changed the request since, the DPO is told in
 * words and reloads rather than overwriting their change.
 */
export function EditRightsRequestForm({
  organizationId,
  request,
  activities,
  subjectCategories,
}: {
  organizationId: string;
  request: RightsRequestDetail;
  activities: LinkedRecord[];
  subjectCategories: readonly CatalogueItem[];
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const categoryOptions = useMemo(() => catalogueOptions(subjectCategories, locale), [subjectCategories, locale]);
  const [linked, setLinked] = useState<LinkedRecord[]>(activities);
  const [subjectCategory, setSubjectCategory] = useState(request.subjectCategory ?? '');
  const form = useForm<NewRequestForm>({ resolver: zodResolver(ZNewRequestSchema), defaultValues: editRequestDefaults(request) });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, conflict, onSubmit } = useVersionedFormSubmit(form, NEW_REQUEST_FIELDS, async (values) => {
    await updateRightsRequest(
      api,
      organizationId,
      request.id,
      editRequestToBody(
        values,
        linked.map((activity) => activity.id),
        request.version,
        subjectCategory,
      ),
    );
    router.refresh();
  });
  if (!ability.can('update', 'RightsRequest')) return null;

  return (
    <DisclosureForm
      testId="request-edit"
      title={t('rightsRequests.edit.title')}
      hint={t('rightsRequests.edit.hint')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('rightsRequests.edit.submit')}
      submitTestId="request-edit-submit"
      submitting={isSubmitting}
    >
      {conflict ? <ConflictAlert message={t('rightsRequests.edit.conflict')} reloadLabel={t('rightsRequests.edit.reload')} testId="request-edit" /> : null}
      <SelectField
        id="edit-request-type"
        label={t('rightsRequests.form.type')}
        required
        options={REQUEST_TYPES.map((type) => ({ value: type, label: t(`rightsRequests.types.${type}`) }))}
        registration={register('type')}
        error={errors.type}
      />
      <TextField id="edit-request-receivedAt" type="datetime-local" label={t('rightsRequests.form.receivedAt')} hint={t('rightsRequests.form.receivedAtHint')} required registration={register('receivedAt')} error={errors.receivedAt} />
      <SelectField
        id="edit-request-channel"
        label={t('rightsRequests.form.channel')}
        required
        options={REQUEST_CHANNELS.map((channel) => ({ value: channel, label: t(`rightsRequests.form.channels.${channel}`) }))}
        registration={register('channel')}
        error={errors.channel}
      />
      <TextField id="edit-request-requesterName" label={t('rightsRequests.form.requesterName')} required registration={register('requesterName')} error={errors.requesterName} />
      <TextField id="edit-request-requesterContact" label={t('rightsRequests.form.requesterContact')} registration={register('requesterContact')} error={errors.requesterContact} />
      <TextAreaField id="edit-request-description" label={t('rightsRequests.form.description')} registration={register('description')} error={errors.description} />
      <SelectField
        id="edit-request-identityCheckStatus"
        label={t('rightsRequests.form.identityCheckStatus')}
        options={IDENTITY_CHECK_STATUSES.map((status) => ({ value: status, label: t(`rightsRequests.identity.${status}`) }))}
        registration={register('identityCheckStatus')}
        error={errors.identityCheckStatus}
      />
      <TextField id="edit-request-identityCheckMethod" label={t('rightsRequests.form.identityCheckMethod')} registration={register('identityCheckMethod')} error={errors.identityCheckMethod} />
      <ActivityPicker
        organizationId={organizationId}
        subjectCategories={categoryOptions}
        value={linked}
        onChange={setLinked}
        idPrefix="edit-request"
        initialCategory={request.subjectCategory ?? ''}
        onCategoryChange={setSubjectCategory}
      />
    </DisclosureForm>
  );
}
