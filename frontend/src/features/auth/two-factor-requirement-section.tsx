'use client';

import { useCallback, useEffect, useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { getOrganizationSecurity, saveOrganizationSecurity } from './auth-api';

/**
 * The organisation's requirement of two-factor sign-in for its administrators and DPOs
 * (administrators only). Those without two-factor are sent to set it up before anything else.
 * It is one of the organisation's settings: saved with the organisation's version, which the
 * settings page holds (`version`, `onSaved`), and reloaded with the page on a conflict (`onConflict`).
 */
export function TwoFactorRequirementSection({
  organizationId,
  version,
  onSaved,
  onConflict,
}: {
  organizationId: string;
  version: number;
  onSaved: (version: number) => void;
  onConflict: () => Promise<void>;
}) {
  const t = useT();
  const api = useApi();
  const [saved, setSaved] = useState<boolean | null>(null);
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(
    () =>
      getOrganizationSecurity(api, organizationId).then((security) => {
        setSaved(security.requireMfaForAdmins);
        setChecked(security.requireMfaForAdmins);
      }),
    [api, organizationId],
  );
  useEffect(() => {
    load().catch((caught: unknown) => setError(errorMessage(caught, t)));
  }, [load, t]);

  async function save() {
    setError(null);
    setStatus(null);
    setSaving(true);
    try {
      const security = await saveOrganizationSecurity(api, organizationId, checked, version);
      setSaved(security.requireMfaForAdmins);
      onSaved(security.version);
      setStatus(t(security.requireMfaForAdmins ? 'twoFactorRequirement.savedOn' : 'twoFactorRequirement.savedOff'));
    } catch (caught) {
      if (isApiError(caught, 'version_conflict')) {
        // Someone changed the organisation meanwhile: show its current requirement, then let the admin decide again.
        setError(t('twoFactorRequirement.versionConflict'));
        try {
          await Promise.all([load(), onConflict()]);
        } catch (reloadError) {
          setError(`${t('twoFactorRequirement.versionConflict')} ${errorMessage(reloadError, t)}`);
        }
        return;
      }
      setError(errorMessage(caught, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="two-factor-requirement-title" data-testid="two-factor-requirement">
      <h2 id="two-factor-requirement-title">{t('twoFactorRequirement.title')}</h2>
      <p className="page__intro">{t('twoFactorRequirement.intro')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="two-factor-requirement-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ErrorAlert>{error}</ErrorAlert>
        <div className="check">
          <input
            id="organization-requireMfaForAdmins"
            type="checkbox"
            className="check__box"
            checked={checked}
            disabled={saved === null}
            aria-describedby="organization-requireMfaForAdmins-hint"
            onChange={(event) => setChecked(event.target.checked)}
          />
          <label className="check__label" htmlFor="organization-requireMfaForAdmins">
            {t('twoFactorRequirement.label')}
          </label>
          <p className="check__hint" id="organization-requireMfaForAdmins-hint">
            {t('twoFactorRequirement.hint')}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || saved === null || checked === saved}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
        <StatusMessage>{status}</StatusMessage>
      </form>
    </section>
  );
}
