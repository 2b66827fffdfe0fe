'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { TextField, useFieldErrorText } from '@/components/fields';
import { ActionForm } from '@/components/form/action-form';
import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { createOrganization } from './organizations-api';
import { ZCreateOrganizationSchema, type CreateOrganizationForm } from './schemas';

/** Creates an organisation (the creator becomes its admin, and its DPO when they say so) and opens its register. */
export function CreateOrganizationFormView({ labelledBy }: { labelledBy: string }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const form = useForm<CreateOrganizationForm>({
    resolver: zodResolver(ZCreateOrganizationSchema),
    defaultValues: { name: '' } as CreateOrganizationForm,
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const creatorError = useFieldErrorText(errors.creatorIsDpo);
  const { formError, onSubmit } = useApiFormSubmit(form, ['name', 'creatorIsDpo'], async (values) => {
    const organization = await createOrganization(api, values);
    router.push(orgPath(organization.id, 'register'));
  });

  return (
    <ActionForm
      onSubmit={onSubmit}
      error={formError}
      busy={isSubmitting}
      submitLabel={t('newOrganization.submit')}
      busyLabel={t('newOrganization.submitting')}
      labelledBy={labelledBy}
    >
      <TextField
        id="organization-name"
        label={t('newOrganization.name')}
        hint={t('newOrganization.nameHint')}
        autoComplete="organization"
        required
        registration={register('name')}
        error={errors.name}
      />
      <fieldset className={creatorError ? 'check-group field--invalid' : 'check-group'} id="organization-creatorIsDpo" aria-describedby="organization-creatorIsDpo-hint">
        <legend className="field__label">
          {t('newOrganization.creatorIsDpo')}
          <span className="field__required"> ({t('common.required')})</span>
        </legend>
        <p className="field__hint" id="organization-creatorIsDpo-hint">
          {t('newOrganization.creatorIsDpoHint')}
        </p>
        {(['yes', 'no'] as const).map((value) => (
          <div className="check" key={value}>
            <input id={`organization-creatorIsDpo-${value}`} type="radio" className="check__box" value={value} {...register('creatorIsDpo')} />
            <label className="check__label" htmlFor={`organization-creatorIsDpo-${value}`}>
              {t(`newOrganization.creatorIsDpoChoices.${value}`)}
            </label>
          </div>
        ))}
        {creatorError ? <p className="field__error">{creatorError}</p> : null}
      </fieldset>
    </ActionForm>
  );
}
