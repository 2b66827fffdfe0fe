'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { applyApiError } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { createOrganization } from './organizations-api';
import { ZCreateOrganizationSchema, type CreateOrganizationForm } from './schemas';

/** Creates an organisation (the creator becomes its admin) and opens its register. */
export function CreateOrganizationFormView({ labelledBy }: { labelledBy: string }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateOrganizationForm>({
    resolver: zodResolver(ZCreateOrganizationSchema),
    defaultValues: { name: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const organization = await createOrganization(api, values);
      router.push(orgPath(organization.id, 'register'));
    } catch (error) {
      setFormError(applyApiError(error, { setError, fields: ['name'], t }));
    }
  });

  return (
    <form
      className="form"
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        void onSubmit(event);
      }}
    >
      <ErrorAlert>{formError}</ErrorAlert>
      <TextField
        id="organization-name"
        label={t('newOrganization.name')}
        hint={t('newOrganization.nameHint')}
        autoComplete="organization"
        required
        registration={register('name')}
        error={errors.name}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('newOrganization.submitting') : t('newOrganization.submit')}
        </button>
      </div>
    </form>
  );
}
