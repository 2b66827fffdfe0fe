'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';

import { BREACH_NATURES } from '@domain/breaches/breach.types';

import { DisclosureForm } from '@/components/disclosure-form';
import { ConflictAlert } from '@/components/alerts';
import { TextAreaField, TextField } from '@/components/fields';
import { PickerChoices, SearchPickerBox, toggled, useRecordSearch } from '@/components/search-picker';
import { catalogueOptions } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { ActivityPicker } from '@/features/rights-requests/components/activity-picker';
import type { LinkedRecord } from '@/features/rights-requests/linked-records';
import { searchVendors } from '@/features/vendors/vendors-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { useApi } from '@/lib/use-api';
import { useVersionedFormSubmit } from '@/lib/use-api-form-submit';

import { BREACH_FACTS_FIELDS, breachFactsDefaults, breachFactsToBody, ZBreachFactsSchema, type BreachFactsForm } from '../breach-forms';
import { updateBreach } from '../breaches-api';
import type { BreachDetail } from '../types';

/**
 * Correcting or completing what is known of a breach after it was recorded: what happened and when,
 * its nature, the data and people, the activities and vendors involved, the consequences and the
 * measures. Sent with the version read: a change made by someone else in between is told in words,
 * with a reload, rather than overwritten.
 */
export function BreachFactsFormView({
  organizationId,
  breach,
  activities,
  vendors,
  catalogues,
}: {
  organizationId: string;
  breach: BreachDetail;
  activities: LinkedRecord[];
  vendors: LinkedRecord[];
  catalogues: { dataCategories: CatalogueItem[]; subjectCategories: CatalogueItem[] };
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const dataOptions = useMemo(() => catalogueOptions(catalogues.dataCategories, locale, breach.dataCategories), [catalogues.dataCategories, locale, breach.dataCategories]);
  const subjectOptions = useMemo(
    () => catalogueOptions(catalogues.subjectCategories, locale, breach.subjectCategories),
    [catalogues.subjectCategories, locale, breach.subjectCategories],
  );
  const [linkedActivities, setLinkedActivities] = useState<LinkedRecord[]>(activities);
  const [linkedVendors, setLinkedVendors] = useState<LinkedRecord[]>(vendors);
  const form = useForm<BreachFactsForm>({ resolver: zodResolver(ZBreachFactsSchema), defaultValues: breachFactsDefaults(breach) });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, conflict, onSubmit } = useVersionedFormSubmit(form, BREACH_FACTS_FIELDS, async (values) => {
    const links = { activityIds: linkedActivities.map((record) => record.id), vendorIds: linkedVendors.map((record) => record.id) };
    await updateBreach(api, organizationId, breach.id, breachFactsToBody(values, links, breach.version));
    // A full reload: the page's server data (labels, summary, clock) all follow the new facts.
    window.location.reload();
  });
  if (!ability.can('update', 'Breach')) return null;

  const checks = (name: 'natures' | 'dataCategories' | 'subjectCategories', options: readonly { value: string; label: string }[], legend: string) => (
    <fieldset className="check-group" data-testid={`breach-edit-${name}`}>
      <legend className="check-group__title">{legend}</legend>
      {options.map((option) => (
        <div className="check" key={option.value}>
          <input id={`breach-edit-${name}-${option.value}`} type="checkbox" className="check__box" value={option.value} {...register(name)} />
          <label className="check__label" htmlFor={`breach-edit-${name}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );

  return (
    <DisclosureForm
      testId="breach-edit"
      title={t('breaches.edit.title')}
      hint={t('breaches.edit.hint')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('breaches.edit.submit')}
      submitTestId="breach-edit-submit"
      submitting={isSubmitting}
    >
      {conflict ? <ConflictAlert message={t('breaches.edit.conflict')} reloadLabel={t('breaches.edit.reload')} testId="breach-edit" /> : null}
      <TextField id="breach-edit-summary" label={t('breaches.form.summary')} required registration={register('summary')} error={errors.summary} />
      <TextField id="breach-edit-awareAt" type="datetime-local" label={t('breaches.form.awareAt')} hint={t('breaches.form.awareAtHint')} required registration={register('awareAt')} error={errors.awareAt} />
      <TextField id="breach-edit-occurredAt" type="datetime-local" label={t('breaches.form.occurredAt')} registration={register('occurredAt')} error={errors.occurredAt} />
      <TextAreaField id="breach-edit-discovery" label={t('breaches.form.discovery')} registration={register('discovery')} error={errors.discovery} />
      {checks(
        'natures',
        BREACH_NATURES.map((nature) => ({ value: nature, label: t(`breaches.form.natureLabels.${nature}`) })),
        t('breaches.form.natures'),
      )}
      {checks('dataCategories', dataOptions, t('breaches.detail.dataCategories'))}
      {checks('subjectCategories', subjectOptions, t('breaches.detail.subjectCategories'))}
      <TextField id="breach-edit-approxPersons" inputMode="numeric" label={t('breaches.form.approxPersons')} registration={register('approxPersons')} error={errors.approxPersons} />
      <TextField id="breach-edit-approxRecords" inputMode="numeric" label={t('breaches.form.approxRecords')} registration={register('approxRecords')} error={errors.approxRecords} />
      <ActivityPicker
        organizationId={organizationId}
        subjectCategories={subjectOptions}
        value={linkedActivities}
        onChange={setLinkedActivities}
        idPrefix="breach-edit"
        hint={t('breaches.edit.activitiesHint')}
        categoryLabel={t('breaches.edit.activitiesCategory')}
      />
      <VendorPicker organizationId={organizationId} value={linkedVendors} onChange={setLinkedVendors} />
      <TextAreaField id="breach-edit-consequences" label={t('breaches.detail.consequences')} registration={register('consequences')} error={errors.consequences} />
      <TextAreaField id="breach-edit-measuresTaken" label={t('breaches.detail.measuresTaken')} registration={register('measuresTaken')} error={errors.measuresTaken} />
      <TextAreaField id="breach-edit-measuresProposed" label={t('breaches.detail.measuresProposed')} registration={register('measuresProposed')} error={errors.measuresProposed} />
    </DisclosureForm>
  );
}

/** The vendors involved (a processor's breach), found by name and ticked; named, never by id. */
function VendorPicker({ organizationId, value, onChange }: { organizationId: string; value: LinkedRecord[]; onChange: (next: LinkedRecord[]) => void }) {
  const t = useT();
  const api = useApi();
  const search = useRecordSearch(async (text) => (await searchVendors(api, organizationId, text)).map((vendor) => ({ id: vendor.id, label: vendor.name })));
  return (
    <fieldset className="check-group" data-testid="breach-edit-vendors">
      <legend className="check-group__title">{t('breaches.detail.vendors')}</legend>
      <SearchPickerBox
        id="breach-edit-vendorSearch"
        label={t('breaches.edit.vendorSearch')}
        buttonLabel={t('rightsRequests.activities.searchButton')}
        text={search.text}
        onText={search.setText}
        onSearch={() => void search.search()}
      />
      <PickerChoices
        idPrefix="breach-edit-vendor"
        chosen={value}
        offered={search.found ?? []}
        notFound={search.found?.length === 0 ? t('breaches.edit.vendorNotFound') : null}
        error={search.error}
        onToggle={(record, on) => {
          onChange(toggled(value, record, on));
        }}
      />
    </fieldset>
  );
}
