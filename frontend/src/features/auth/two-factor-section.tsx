'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { errorMessage } from '@/lib/forms';
import type { ApiSchemas } from '@/lib/api-types';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { confirmTotp, disableTotp, getMfaStatus, startTotpSetup } from './auth-api';
import { ZDisableMfaSchema, ZMfaCodeSchema, type DisableMfaForm, type MfaCodeForm } from './schemas';

type Setup = ApiSchemas['TotpSetupResponse'] & { qrDataUrl: string };

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Two-factor sign-in: set up (QR code drawn in the browser from the otpauth address, so the secret
 * goes to no other service), confirm with a first code, recovery codes shown once; or turn it off.
 */
export function TwoFactorSection({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const [status, setStatus] = useState<ApiSchemas['MfaStatusResponse'] | null>(null);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await getMfaStatus(api));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }, [api, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const begin = async () => {
    setError(null);
    setDone(null);
    try {
      const started = await startTotpSetup(api);
      setSetup({ ...started, qrDataUrl: await QRCode.toDataURL(started.otpauthUrl, { margin: 2, width: 192, errorCorrectionLevel: 'M' }) });
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  };

  const codeForm = useForm<MfaCodeForm>({ resolver: zodResolver(ZMfaCodeSchema), defaultValues: { code: '' } });
  const confirm = useApiFormSubmit(codeForm, ['code'], async (values) => {
    const answer = await confirmTotp(api, values.code);
    setRecoveryCodes(answer.recoveryCodes);
    setSetup(null);
    codeForm.reset();
    await load();
    onChanged();
  });

  const disableForm = useForm<DisableMfaForm>({ resolver: zodResolver(ZDisableMfaSchema), defaultValues: { password: '' } });
  const disable = useApiFormSubmit(disableForm, ['password'], async (values) => {
    await disableTotp(api, values.password);
    disableForm.reset();
    setRecoveryCodes(null);
    setDone(t('security.mfa.disabled'));
    await load();
    onChanged();
  });

  const codesText = recoveryCodes ? `${t('security.mfa.codesFileTitle')}\n\n${recoveryCodes.join('\n')}\n` : '';
  const copy = async () => {
    await navigator.clipboard.writeText(codesText);
    setDone(t('security.mfa.copied'));
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([codesText], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('security.mfa.codesFileName');
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="security__section" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('security.mfa.title')}</h2>
      <p className="auth__intro">{t('security.mfa.intro')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{done}</StatusMessage>

      {recoveryCodes && (
        <div data-testid="recovery-codes">
          <p className="alert alert--success">{t('security.mfa.enabled')}</p>
          <h3 className="security__codes-title">{t('security.mfa.codesTitle')}</h3>
          <p>{t('security.mfa.codesIntro')}</p>
          <ul className="security__codes">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <div className="security__actions">
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {t('security.mfa.copy')}
            </button>
            <button type="button" className="button button--secondary" onClick={download}>
              {t('security.mfa.download')}
            </button>
            <button type="button" className="button button--primary" onClick={() => setRecoveryCodes(null)}>
              {t('security.mfa.codesSaved')}
            </button>
          </div>
        </div>
      )}

      {status && !status.enabled && !setup && (
        <div>
          <p data-testid="mfa-status">{t('security.mfa.off')}</p>
          <button type="button" className="button button--primary" onClick={() => void begin()}>
            {t('security.mfa.start')}
          </button>
        </div>
      )}

      {setup && (
        <div className="security__setup">
          {/* A data: URL drawn in the browser: the secret never leaves for an image service. */}
          <img className="security__qr" src={setup.qrDataUrl} alt={t('security.mfa.qrAlt')} width={192} height={192} />
          <div>
            <ol>
              <li>{t('security.mfa.step1')}</li>
              <li>{t('security.mfa.step2')}</li>
              <li>{t('security.mfa.step3')}</li>
            </ol>
            <p>
              {t('security.mfa.secretLabel')}{' '}
              <span className="security__secret" data-testid="totp-secret" data-secret={setup.secret}>
                {grouped(setup.secret)}
              </span>
            </p>
            <form
              className="form"
              noValidate
              onSubmit={(event) => {
                void confirm.onSubmit(event);
              }}
            >
              <ErrorAlert>{confirm.formError}</ErrorAlert>
              <TextField
                id="totp-code"
                label={t('security.mfa.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                registration={codeForm.register('code')}
                error={codeForm.formState.errors.code}
              />
              <div className="form__actions">
                <button type="submit" className="button button--primary" disabled={codeForm.formState.isSubmitting}>
                  {t('security.mfa.confirm')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setSetup(null)}>
                  {t('security.mfa.cancel')}
                </button>
              </div>
            </form>
          </div>
        </div>
      )}

      {status?.enabled && !recoveryCodes && (
        <div>
          <p data-testid="mfa-status">{t('security.mfa.on', { count: status.recoveryCodesLeft })}</p>
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              void disable.onSubmit(event);
            }}
          >
            <ErrorAlert>{disable.formError}</ErrorAlert>
            <TextField
              id="mfa-disable-password"
              label={t('security.mfa.disablePassword')}
              type="password"
              autoComplete="current-password"
              required
              hint={t('security.mfa.disableHint')}
              registration={disableForm.register('password')}
              error={disableForm.formState.errors.password}
            />
            <div className="form__actions">
              <button type="submit" className="button button--danger" disabled={disableForm.formState.isSubmitting}>
                {t('security.mfa.disable')}
              </button>
            </div>
          </form>
        </div>
      )}
    </section>
  );
}
