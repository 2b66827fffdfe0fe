'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { FormDateField } from '@/components/form/date-field';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextField } from '@/components/fields';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { dpaFormDefaults, dpaFormToPatch, ZDpaFormSchema, type DpaForm } from '../schemas';
import type { Vendor, VendorDocument } from '../types';
import { updateVendorDpa } from '../vendors-api';

/** The vendor's DPA: what is recorded, and (for those who may change the vendor) the form to record it. */
export function DpaPanel({
  organizationId,
  vendor,
  documents,
  canUpdate,
  onSaved,
}: {
  organizationId: string;
  vendor: Vendor;
  documents: readonly VendorDocument[];
  canUpdate: boolean;
  onSaved: (vendor: Vendor) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { dpa } = vendor;
  return (
    <section className="vendor-section" aria-labelledby="vendor-dpa-title" data-testid="vendor-dpa-panel">
      <h2 id="vendor-dpa-title">{t('vendors.dpa.title')}</h2>
      <p data-testid="vendor-dpa-state" data-signed={dpa.signed}>
        {dpa.signed
          ? dpa.signedOn
            ? t('vendors.dpa.signedOnValue', { date: formatDate(dpa.signedOn, locale) })
            : t('vendors.dpa.signed')
          : t('vendors.dpa.notSigned')}
        {vendor.dpaMissing ? <span className="tag tag--danger">{t('vendors.flags.dpaMissing')}</span> : null}
      </p>
      {canUpdate ? (
        <DpaEditor key={vendor.version} organizationId={organizationId} vendor={vendor} documents={documents} onSaved={onSaved} />
      ) : null}
    </section>
  );
}

function DpaEditor({
  organizationId,
  vendor,
  documents,
  onSaved,
}: {
  organizationId: string;
  vendor: Vendor;
  documents: readonly VendorDocument[];
  onSaved: (vendor: Vendor) => void;
}) {
  const t = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<DpaForm>({ resolver: zodResolver(ZDpaFormSchema), defaultValues: dpaFormDefaults(vendor.dpa) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved('');
    try {
      const next = await updateVendorDpa(api, organizationId, vendor.id, dpaFormToPatch(values, vendor.version));
      onSaved(next);
      setSaved(t('vendors.dpa.saved'));
    } catch (caught) {
      if (isApiError(caught, 'version_conflict')) {
        const details = caught.details as { currentVersion?: number } | undefined;
        setError(t('vendors.dpa.conflict', { version: details?.currentVersion ?? '?' }));
      } else {
        setError(errorMessage(caught, t));
      }
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="dpa-form">
      <div className="field">
        <input id="dpa-signed" type="checkbox" data-testid="dpa-signed" {...register('signed')} />{' '}
        <label htmlFor="dpa-signed">{t('vendors.dpa.signed')}</label>
      </div>
      <FormDateField control={control} name="signedOn" id="dpa-signedOn" label={t('vendors.dpa.signedOn')} />
      <SelectField
        id="dpa-documentId"
        label={t('vendors.dpa.document')}
        emptyLabel={t('vendors.dpa.noDocument')}
        options={documents.map((document) => ({ value: document.id, label: document.fileName }))}
        registration={register('documentId')}
        error={errors.documentId}
      />
      <TextField id="dpa-comment" label={t('vendors.dpa.comment')} registration={register('comment')} error={errors.comment} />
      <div data-testid="dpa-error">{error ? <ErrorAlert>{error}</ErrorAlert> : null}</div>
      <StatusMessage>{saved}</StatusMessage>
      <button type="submit" className="button" disabled={isSubmitting} data-testid="dpa-save">
        {t('vendors.dpa.save')}
      </button>
    </form>
  );
}
