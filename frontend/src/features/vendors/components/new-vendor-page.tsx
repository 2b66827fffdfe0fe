'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';

import { CountriesField } from '@/components/form/countries-field';
import { FormDateField } from '@/components/form/date-field';
import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { catalogueOptions } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { NEW_VENDOR_DEFAULTS, NEW_VENDOR_FIELDS, newVendorFormToBody, ZNewVendorFormSchema, type NewVendorForm } from '@/features/vendors/schemas';
import { REVIEW_RESULTS, VENDOR_ROLES } from '@/features/vendors/types';
import { createVendor } from '@/features/vendors/vendors-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { countryOptions } from '@/lib/countries';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

/** Records a vendor, then opens its page. */
export function NewVendorPageContent({ organizationId, mechanisms }: { organizationId: string; mechanisms: readonly CatalogueItem[] }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const canCreate = ability.can('create', 'Vendor');
  const canValidate = ability.can('validate', 'Vendor');
  const countries = useMemo(() => countryOptions(locale).map(({ value, label }) => ({ value, label })), [locale]);
  const mechanismOptions = useMemo(() => catalogueOptions(mechanisms, locale).map(({ value, label }) => ({ value, label })), [mechanisms, locale]);
  const vendorsPath = orgPath(organizationId, 'vendors');

  const form = useForm<NewVendorForm>({ resolver: zodResolver(ZNewVendorFormSchema), defaultValues: NEW_VENDOR_DEFAULTS });
  const {
    register,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  useUnsavedChangesWarning(isDirty, t('activity.unsavedWarning'));

  const { formError, onSubmit } = useApiFormSubmit(form, NEW_VENDOR_FIELDS, async (values) => {
    const body = newVendorFormToBody(canValidate ? values : { ...values, status: 'under_review' });
    const vendor = await createVendor(api, organizationId, body);
    form.reset(values);
    router.push(orgPath(organizationId, `vendors/${encodeURIComponent(vendor.id)}`));
  });

  return (
    <section className="page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={vendorsPath}>← {t('vendors.new.back')}</Link>
      </p>
      <h1 id="page-title">{t('vendors.new.title')}</h1>
      {canCreate ? (
        <>
          <p className="page__intro">{t('vendors.new.intro')}</p>
          {canValidate ? null : (
            <p className="notice" data-testid="vendor-propose-notice">
              {t('vendors.new.proposeNotice')}
            </p>
          )}
          <form
            className="form"
            noValidate
            aria-labelledby="page-title"
            data-testid="new-vendor-form"
            onSubmit={(event) => {
              void onSubmit(event);
            }}
          >
            <ErrorAlert>{formError}</ErrorAlert>
            <TextField id="vendor-name" label={t('vendors.new.name')} hint={t('vendors.new.nameHint')} required registration={register('name')} error={errors.name} />
            <TextField id="vendor-legalEntity" label={t('vendors.new.legalEntity')} registration={register('legalEntity')} error={errors.legalEntity} />
            <TextAreaField id="vendor-service" label={t('vendors.new.service')} registration={register('service')} error={errors.service} />
            <SelectField
              id="vendor-role"
              label={t('vendors.new.role')}
              required
              options={VENDOR_ROLES.map((role) => ({ value: role, label: t(`vendors.role.${role}`) }))}
              registration={register('role')}
              error={errors.role}
            />
            <SelectField
              id="vendor-headquartersCountry"
              label={t('vendors.new.headquartersCountry')}
              emptyLabel={t('vendors.new.noCountry')}
              options={countries}
              registration={register('headquartersCountry')}
              error={errors.headquartersCountry}
            />
            <TextField id="vendor-parentCompany" label={t('vendors.new.parentCompany')} registration={register('parentCompany')} error={errors.parentCompany} />
            <SelectField
              id="vendor-parentCountry"
              label={t('vendors.new.parentCountry')}
              emptyLabel={t('vendors.new.noCountry')}
              options={countries}
              registration={register('parentCountry')}
              error={errors.parentCountry}
            />
            <CountriesField control={control} name="dataLocations" id="vendor-dataLocations" label={t('vendors.new.dataLocations')} hint={t('vendors.new.dataLocationsHint')} />
            <TextField
              id="vendor-certifications"
              label={t('vendors.new.certifications')}
              hint={t('vendors.new.certificationsHint')}
              registration={register('certifications')}
              error={errors.certifications}
            />
            <SelectField
              id="vendor-transferMechanism"
              label={t('vendors.new.transferMechanism')}
              emptyLabel={t('vendors.new.noMechanism')}
              options={mechanismOptions}
              registration={register('transferMechanism')}
              error={errors.transferMechanism}
            />
            {canValidate ? (
              <SelectField
                id="vendor-status"
                label={t('vendors.new.status')}
                required
                options={REVIEW_RESULTS.map((status) => ({ value: status, label: t(`vendors.status.${status}`) }))}
                registration={register('status')}
                error={errors.status}
              />
            ) : null}
            <FormDateField control={control} name="nextReviewDate" id="vendor-nextReviewDate" label={t('vendors.new.nextReviewDate')} />
            <TextAreaField id="vendor-notes" label={t('vendors.new.notes')} rows={4} registration={register('notes')} error={errors.notes} />
            <div className="form__actions">
              <button type="submit" className="button button--primary" data-testid="vendor-create" disabled={isSubmitting}>
                {isSubmitting ? t('vendors.new.creating') : t('vendors.new.create')}
              </button>
              <Link href={vendorsPath} className="button button--secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </>
      ) : (
        <p className="notice" data-testid="read-only-notice">
          {t('vendors.new.notAllowed')}
        </p>
      )}
    </section>
  );
}
