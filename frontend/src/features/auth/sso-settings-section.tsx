'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import type { ApiSchemas } from '@/lib/api-types';
import { applyApiError, errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { getSsoSettings, removeSsoSettings, saveSsoSettings } from './auth-api';
import { splitDomains, SSO_ROLES, ZSsoSettingsSchema, type SsoSettingsForm } from './schemas';

const FIELDS = ['issuer', 'clientId', 'clientSecret', 'emailDomains', 'defaultRole', 'requireSso'] as const;
const EMPTY: SsoSettingsForm = { issuer: '', clientId: '', clientSecret: '', emailDomains: '', defaultRole: 'contributor', requireSso: false };

const toForm = (settings: ApiSchemas['SsoSettingsView'] | null): SsoSettingsForm =>
  settings
    ? { issuer: settings.issuer, clientId: settings.clientId, clientSecret: '', emailDomains: settings.emailDomains.join(', '), defaultRole: settings.defaultRole, requireSso: settings.requireSso }
    : EMPTY;

/** The organisation's single sign-on (administrators): provider, domains, newcomers' role, whether it is required. */
export function SsoSettingsSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  const api = useApi();
  const [configuration, setConfiguration] = useState<ApiSchemas['SsoConfigurationView'] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<SsoSettingsForm>({ resolver: zodResolver(ZSsoSettingsSchema), defaultValues: EMPTY });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const load = useCallback(async () => {
    const answer = await getSsoSettings(api, organizationId);
    setConfiguration(answer);
    reset(toForm(answer.settings));
  }, [api, organizationId, reset]);
  useEffect(() => {
    load().catch((caught: unknown) => setFormError(errorMessage(caught, t)));
  }, [load, t]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setStatus(null);
    const settings = configuration?.settings ?? null;
    if (!settings && !values.clientSecret) {
      setError('clientSecret', { type: 'required', message: t('validation.required') });
      return;
    }
    try {
      const answer = await saveSsoSettings(api, organizationId, {
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        emailDomains: splitDomains(values.emailDomains),
        defaultRole: values.defaultRole,
        requireSso: values.requireSso,
        ...(settings ? { version: settings.version } : {}),
      });
      setConfiguration(answer);
      reset(toForm(answer.settings));
      setStatus(t('sso.saved'));
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        setFormError(t('sso.versionConflict'));
        await load().catch(() => undefined);
        return;
      }
      setFormError(applyApiError(error, { setError, fields: FIELDS, t }));
    }
  });

  const remove = async () => {
    setFormError(null);
    setStatus(null);
    try {
      await removeSsoSettings(api, organizationId);
      await load();
      setStatus(t('sso.removed'));
    } catch (error) {
      setFormError(errorMessage(error, t));
    }
  };

  const field = (name: Exclude<keyof SsoSettingsForm, 'requireSso'>) => ({ id: `sso-${name}`, label: t(`sso.${name}`), registration: register(name), error: errors[name] });
  const configured = !!configuration?.settings;

  return (
    <section aria-labelledby="sso-title" data-testid="sso-settings">
      <h2 id="sso-title">{t('sso.title')}</h2>
      <p className="page__intro">{t('sso.intro')}</p>
      {configuration ? (
        <p>
          {t('sso.callback')}{' '}<code data-testid="sso-callback">{configuration.callbackUrl}</code>
        </p>
      ) : null}
      {configuration && !configured ? <p className="notice">{t('sso.notConfigured')}</p> : null}
      <form
        className="form"
        noValidate
        aria-labelledby="sso-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField {...field('issuer')} required hint={t('sso.issuerHint')} />
        <TextField {...field('clientId')} required />
        <TextField {...field('clientSecret')} type="password" autoComplete="off" required={!configured} hint={configured ? t('sso.clientSecretKept') : t('sso.clientSecretHint')} />
        <TextField {...field('emailDomains')} required hint={t('sso.emailDomainsHint')} />
        <SelectField {...field('defaultRole')} options={SSO_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        <div className="check">
          <input id="sso-requireSso" type="checkbox" className="check__box" {...register('requireSso')} />{' '}
          <label htmlFor="sso-requireSso">{t('sso.requireSso')}</label>
          <p className="form__section-hint">{t('sso.requireSsoHint')}</p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('sso.saving') : t('sso.save')}
          </button>
          {configured ? (
            <button type="button" className="button" onClick={() => void remove()}>
              {t('sso.remove')}
            </button>
          ) : null}
        </div>
        <StatusMessage>{status}</StatusMessage>
      </form>
    </section>
  );
}
