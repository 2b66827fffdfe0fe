'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';

import { FormDateField } from '@/components/form/date-field';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { catalogueOptions } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import { countryOptions } from '@/lib/countries';
import { applyApiError } from '@/lib/forms';
import { useApi } from '@/lib/use-api';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import { EMPTY_CONTACT, VENDOR_EDIT_FIELDS, vendorEditDefaults, vendorEditToPatch, ZVendorEditFormSchema, type VendorEditForm } from '../schemas';
import { VENDOR_CONTACTS_MAX, VENDOR_ROLES, type Vendor } from '../types';
import { updateVendorDpa } from '../vendors-api';

/**
 * The vendor's record, edited in one form: identity, service, headquarters, parent company, where the
 * data are, the transfer tool, next review, notes, contacts. Only changed fields are sent, with the version
 * read; a change made meanwhile by someone else is refused (409) and said so.
 */
export function VendorRecordForm({
  organizationId,
  vendor,
  mechanisms,
  onSaved,
  onCancel,
}: {
  organizationId: string;
  vendor: Vendor;
  mechanisms: readonly CatalogueItem[];
  onSaved: (vendor: Vendor) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const mechanismOptions = useMemo(
    () => catalogueOptions(mechanisms, locale, [vendor.transferMechanism]).map(({ value, label }) => ({ value, label })),
    [mechanisms, locale, vendor.transferMechanism],
  );
  const form = useForm<VendorEditForm>({ resolver: zodResolver(ZVendorEditFormSchema), defaultValues: vendorEditDefaults(vendor) });
  const {
    register,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'dataLocations' });
  const contacts = useFieldArray({ control, name: 'contacts' });
  useUnsavedChangesWarning(isDirty, t('activity.unsavedWarning'));

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setNotice('');
    const patch = vendorEditToPatch(values, vendor);
    if (!patch) {
      setNotice(t('vendors.edit.noChanges'));
      return;
    }
    try {
      const next = await updateVendorDpa(api, organizationId, vendor.id, patch);
      form.reset(vendorEditDefaults(next));
      onSaved(next);
    } catch (caught) {
      if (isApiError(caught, 'version_conflict')) {
        const details = caught.details as { currentVersion?: number } | undefined;
        setFormError(t('vendors.edit.conflict', { version: details?.currentVersion ?? '?' }));
        return;
      }
      // Field errors to their field (the countries are picked from the catalogue, so rarely wrong).
      setFormError(applyApiError(caught, { setError: form.setError, fields: VENDOR_EDIT_FIELDS, t }));
    }
  });

  return (
    <form className="form vendor-record-form" noValidate data-testid="vendor-record-form" aria-labelledby="vendor-record-title" onSubmit={(event) => void onSubmit(event)}>
      <h3 id="vendor-record-title" className="visually-hidden">{t('vendors.edit.title')}</h3>
      <div data-testid="vendor-record-error">
        <ErrorAlert>{formError}</ErrorAlert>
      </div>
      <div className="form-grid">
        <TextField id="vendor-edit-name" label={t('vendors.new.name')} required registration={register('name')} error={errors.name} testId="vendor-edit-name" />
        <TextField id="vendor-edit-legalEntity" label={t('vendors.new.legalEntity')} registration={register('legalEntity')} error={errors.legalEntity} testId="vendor-edit-legalEntity" />
        <SelectField
          id="vendor-edit-role"
          label={t('vendors.new.role')}
          required
          options={VENDOR_ROLES.map((role) => ({ value: role, label: t(`vendors.role.${role}`) }))}
          registration={register('role')}
          error={errors.role}
        />
        <SelectField
          id="vendor-edit-headquartersCountry"
          label={t('vendors.new.headquartersCountry')}
          emptyLabel={t('vendors.new.noCountry')}
          options={countries}
          registration={register('headquartersCountry')}
          error={errors.headquartersCountry}
        />
        <TextField id="vendor-edit-parentCompany" label={t('vendors.new.parentCompany')} registration={register('parentCompany')} error={errors.parentCompany} testId="vendor-edit-parentCompany" />
        <SelectField
          id="vendor-edit-parentCountry"
          label={t('vendors.new.parentCountry')}
          emptyLabel={t('vendors.new.noCountry')}
          options={countries}
          registration={register('parentCountry')}
          error={errors.parentCountry}
        />
      </div>
      <TextAreaField id="vendor-edit-service" label={t('vendors.new.service')} registration={register('service')} error={errors.service} testId="vendor-edit-service" />

      <fieldset className="item" data-testid="vendor-edit-locations">
        <legend>{t('vendors.new.dataLocations')}</legend>
        <p className="field__hint">{t('vendors.edit.locationsHint')}</p>
        {fields.length === 0 ? <p>{t('vendors.detail.noLocations')}</p> : null}
        {fields.map((item, index) => (
          <div className="inline-row" key={item.id}>
            <SelectField
              id={`vendor-edit-location-${String(index)}`}
              label={t('vendors.edit.location', { position: index + 1 })}
              emptyLabel={t('activity.choose')}
              options={countries}
              registration={register(`dataLocations.${index}.country`)}
              error={errors.dataLocations?.[index]?.country}
            />
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={t('activity.actions.removeItem', { item: t('vendors.edit.location', { position: index + 1 }) })}
              onClick={() => {
                remove(index);
              }}
            >
              {t('activity.actions.remove')}
            </button>
          </div>
        ))}
        <div className="list__add">
          <button
            type="button"
            className="button button--small"
            data-testid="vendor-edit-add-location"
            onClick={() => {
              append({ country: '' });
            }}
          >
            {t('vendors.edit.addLocation')}
          </button>
        </div>
      </fieldset>

      <fieldset className="item" data-testid="vendor-edit-contacts">
        <legend>{t('vendors.contacts.title')}</legend>
        <p className="field__hint">{t('vendors.contacts.hint')}</p>
        {contacts.fields.length === 0 ? <p>{t('vendors.contacts.none')}</p> : null}
        {contacts.fields.map((item, index) => {
          const position = index + 1;
          const rowErrors = errors.contacts?.[index];
          return (
            <fieldset className="subsection vendor-contact-row" key={item.id} data-testid={`vendor-edit-contact-${String(index)}`}>
              <legend>{t('vendors.contacts.item', { position })}</legend>
              <div className="form-grid">
                <TextField
                  id={`vendor-edit-contact-${String(index)}-role`}
                  label={t('vendors.contacts.role')}
                  hint={t('vendors.contacts.roleHint')}
                  required
                  registration={register(`contacts.${index}.role`)}
                  error={rowErrors?.role}
                />
                <TextField id={`vendor-edit-contact-${String(index)}-name`} label={t('vendors.contacts.name')} required registration={register(`contacts.${index}.name`)} error={rowErrors?.name} />
                <TextField
                  id={`vendor-edit-contact-${String(index)}-email`}
                  label={t('vendors.contacts.email')}
                  type="email"
                  autoComplete="off"
                  registration={register(`contacts.${index}.email`)}
                  error={rowErrors?.email}
                />
                <TextField
                  id={`vendor-edit-contact-${String(index)}-phone`}
                  label={t('vendors.contacts.phone')}
                  type="tel"
                  autoComplete="off"
                  registration={register(`contacts.${index}.phone`)}
                  error={rowErrors?.phone}
                />
              </div>
              <div className="item__actions">
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t('activity.actions.removeItem', { item: t('vendors.contacts.item', { position }) })}
                  onClick={() => {
                    contacts.remove(index);
                  }}
                >
                  {t('activity.actions.remove')}
                </button>
              </div>
            </fieldset>
          );
        })}
        {contacts.fields.length < VENDOR_CONTACTS_MAX ? (
          <div className="list__add">
            <button
              type="button"
              className="button button--small"
              data-testid="vendor-edit-add-contact"
              onClick={() => {
                contacts.append({ ...EMPTY_CONTACT });
              }}
            >
              {t('vendors.contacts.add')}
            </button>
          </div>
        ) : null}
      </fieldset>

      <div className="form-grid">
        <SelectField
          id="vendor-edit-transferMechanism"
          label={t('vendors.new.transferMechanism')}
          emptyLabel={t('vendors.new.noMechanism')}
          options={mechanismOptions}
          registration={register('transferMechanism')}
          error={errors.transferMechanism}
        />
        <TextField
          id="vendor-edit-certifications"
          label={t('vendors.new.certifications')}
          hint={t('vendors.new.certificationsHint')}
          registration={register('certifications')}
          error={errors.certifications}
        />
        <FormDateField control={control} name="tiaDate" id="vendor-edit-tiaDate" label={t('vendors.edit.tiaDate')} hint={t('vendors.edit.tiaDateHint')} />
        <FormDateField control={control} name="nextReviewDate" id="vendor-edit-nextReviewDate" label={t('vendors.new.nextReviewDate')} />
      </div>
      <TextAreaField id="vendor-edit-tiaConclusion" label={t('vendors.edit.tiaConclusion')} rows={2} registration={register('tiaConclusion')} error={errors.tiaConclusion} />
      <TextAreaField id="vendor-edit-notes" label={t('vendors.edit.notes')} hint={t('vendors.edit.notesHint')} rows={3} registration={register('notes')} error={errors.notes} />
      <TextField id="vendor-edit-comment" label={t('vendors.dpa.comment')} registration={register('comment')} error={errors.comment} />
      <StatusMessage>{notice}</StatusMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="vendor-record-save">
          {t('vendors.edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
