'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { ReadValue } from '@/components/form/read-value';
import { SsoSettingsSection } from '@/features/auth/sso-settings-section';
import { TwoFactorRequirementSection } from '@/features/auth/two-factor-requirement-section';
import { getOrganization, updateOrganization } from '@/features/organizations/organizations-api';
import {
  formToOrganizationPatch,
  formToProfilePatch,
  ORGANIZATION_SECTORS,
  ORGANIZATION_SETTINGS_FIELDS,
  organizationToForm,
  ZOrganizationSettingsSchema,
  type OrganizationSettingsForm,
} from '@/features/organizations/schemas';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import type { Organization } from '@/lib/api-types';
import { countryOptions } from '@/lib/countries';
import { applyApiError, errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

export function OrganizationSettingsPageContent({
  organizationId,
  initialOrganization,
}: {
  organizationId: string;
  initialOrganization: Organization;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  // The admin changes every setting; the DPO the profile the rules read (public body, sector) and the DPO contact block.
  const canEdit = ability.can('update', 'Organization', 'name');
  const canEditProfile = ability.can('update', 'Organization', 'publicBody');
  // The DPO keeps their own contact block, printed on the register (so does the admin).
  const canEditDpo = ability.can('update', 'Organization', 'dpoName');
  // How long requesters' identity is kept: the admin and the DPO, who answer the requests.
  const canEditRetention = ability.can('update', 'Organization', 'requesterIdentityRetentionMonths');
  // The large-scale threshold belongs to the profile (the admin and the DPO); the others read it as a figure
  // written their language's way (they cannot save, so the figure they read is the one loaded).
  const canEditThreshold = ability.can('update', 'Organization', 'largeScalePersons');
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const [version, setVersion] = useState(initialOrganization.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<OrganizationSettingsForm>({
    resolver: zodResolver(ZOrganizationSettingsSchema),
    defaultValues: organizationToForm(initialOrganization, locale),
  });

  /** Puts the organisation as the server has it into the form. */
  function load(organization: Organization) {
    reset(organizationToForm(organization, locale));
    setVersion(organization.version);
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setStatus(null);
    try {
      load(await updateOrganization(api, organizationId, canEdit ? formToOrganizationPatch(values, version) : formToProfilePatch(values, version)));
      setStatus(t('organizationSettings.saved'));
      router.refresh(); // the name shown in the organisation switcher may have changed
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        setFormError(t('organizationSettings.versionConflict'));
        try {
          load(await getOrganization(api, organizationId));
          router.refresh(); // the header shows the organisation's current name
        } catch (reloadError) {
          setFormError(`${t('organizationSettings.versionConflict')} ${errorMessage(reloadError, t)}`);
        }
        return;
      }
      setFormError(applyApiError(error, { setError, fields: ORGANIZATION_SETTINGS_FIELDS, t }));
    }
  });

  const field = (name: keyof OrganizationSettingsForm) => ({
    id: `organization-${name}`,
    label: t(`organizationSettings.fields.${name}`),
    registration: register(name),
    error: errors[name],
  });

  return (
    <div className="settings-panel">
      <h2 id="organization-settings-title">{t('organizationSettings.title')}</h2>
      <p className="page__intro">{t('organizationSettings.intro')}</p>
      {canEdit || !canEditProfile ? null : (
        <p className="notice" data-testid="profile-only-notice">
          {t('organizationSettings.hints.profileDpoOnly')}
        </p>
      )}
      {canEdit || canEditProfile || canEditDpo ? null : (
        <p className="notice" data-testid="read-only-notice">
          {t('common.readOnly')}
        </p>
      )}
      <form
        className="form"
        noValidate
        aria-labelledby="organization-settings-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <fieldset className="form__section" disabled={!canEdit}>
          <legend>{t('organizationSettings.sections.identity')}</legend>
          <TextField {...field('name')} required autoComplete="organization" />
          <TextField {...field('legalName')} />
          <TextField
            {...field('registrationNumber')}
            hint={t('organizationSettings.hints.registrationNumber')}
          />
          <TextAreaField {...field('address')} />
          <SelectField
            {...field('country')}
            options={countries}
            emptyLabel={t('organizationSettings.countryNone')}
          />
          <TextField {...field('legalRepresentative')} hint={t('organizationSettings.hints.legalRepresentative')} />
        </fieldset>
        <fieldset className="form__section" disabled={!canEditDpo} id="organization-dpo" data-testid="dpo-contact">
          <legend>{t('organizationSettings.sections.dpo')}</legend>
          <p className="form__section-hint">{t('organizationSettings.hints.dpo')}</p>
          <TextField {...field('dpoName')} autoComplete="name" />
          <TextField {...field('dpoEmail')} type="email" autoComplete="email" />
          <TextField {...field('dpoPhone')} type="tel" autoComplete="tel" hint={t('organizationSettings.hints.dpoPhone')} />
          <TextField {...field('dpoDesignationNumber')} hint={t('organizationSettings.hints.dpoDesignationNumber')} />
        </fieldset>
        <fieldset className="form__section" disabled={!canEdit}>
          <legend>{t('organizationSettings.sections.euRepresentative')}</legend>
          <p className="form__section-hint">{t('organizationSettings.hints.euRepresentative')}</p>
          <TextField {...field('euRepresentativeName')} />
          <TextAreaField {...field('euRepresentativeAddress')} />
          <TextField {...field('euRepresentativeEmail')} type="email" />
        </fieldset>
        <fieldset className="form__section" disabled={!canEditProfile} id="organization-profile">
          <legend>{t('organizationSettings.sections.profile')}</legend>
          <p className="form__section-hint">{t('organizationSettings.hints.profile')}</p>
          <SelectField
            {...field('bodyType')}
            options={(['private', 'public'] as const).map((value) => ({ value, label: t(`organizationSettings.bodyTypes.${value}`) }))}
            required
          />
          <SelectField
            {...field('sector')}
            options={ORGANIZATION_SECTORS.map((value) => ({ value, label: t(`organizationSettings.sectors.${value}`) }))}
            emptyLabel={t('organizationSettings.sectorNone')}
          />
          {canEditProfile && canEditThreshold ? (
            <TextField {...field('largeScalePersons')} inputMode="numeric" required hint={t('organizationSettings.hints.largeScalePersons')} testId="large-scale-persons" />
          ) : (
            <ReadValue id="organization-largeScalePersons" label={t('organizationSettings.fields.largeScalePersons')} testId="large-scale-persons-read">
              {t('organizationSettings.largeScalePersonsValue', { count: new Intl.NumberFormat(locale).format(initialOrganization.largeScalePersons) })}
            </ReadValue>
          )}
        </fieldset>
        <fieldset className="form__section" disabled={!canEditRetention} id="organization-retention" data-testid="identity-retention">
          <legend>{t('organizationSettings.sections.retention')}</legend>
          <p className="form__section-hint">{t('organizationSettings.hints.retention')}</p>
          <TextField {...field('requesterIdentityRetentionMonths')} inputMode="numeric" required hint={t('organizationSettings.hints.requesterIdentityRetentionMonths')} />
        </fieldset>
        {canEdit || canEditProfile || canEditDpo || canEditRetention ? (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('common.save')}
            </button>
          </div>
        ) : null}
        <StatusMessage>{status}</StatusMessage>
      </form>
      {ability.can('manage', 'Organization') ? (
        <TwoFactorRequirementSection
          organizationId={organizationId}
          version={version}
          // Only the requirement changed since this page's version: the form above is still current.
          onSaved={setVersion}
          onConflict={async () => {
            load(await getOrganization(api, organizationId));
            router.refresh();
          }}
        />
      ) : null}
      {ability.can('manage', 'Organization') ? <SsoSettingsSection organizationId={organizationId} /> : null}
    </div>
  );
}
