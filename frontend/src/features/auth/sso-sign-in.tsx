'use client';

import { useEffect, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { useMessages, useT } from '@/i18n/i18n-provider';
import { lookup } from '@/i18n/translate';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { startSingleSignOn } from './auth-api';

/**
 * "Sign in with single sign-on" under the password form: the address typed above names the
 * organisation, and the browser goes to its provider. Back from the provider, the page reads
 * `?sso=mfa` (the account's two-factor code is awaited) or `?sso_error=…` (said in words).
 */
export function SsoSignIn({ email, onMfaStep }: { email: () => string; onMfaStep: () => void }) {
  const t = useT();
  const messages = useMessages();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.get('sso') === 'mfa') onMfaStep();
    const code = params.get('sso_error');
    if (code) setError(lookup(messages, `login.ssoErrors.${code}`) === undefined ? t('login.ssoErrors.generic') : t(`login.ssoErrors.${code}` as never));
    // Read once: starting again from the code step must not bring the step back.
    if (params.has('sso') || code) window.history.replaceState(null, '', window.location.pathname);
    // Read once, on arrival from the provider.
  }, []);

  const start = async () => {
    const address = email().trim();
    if (!address) {
      setError(t('login.ssoEmailFirst'));
      return;
    }
    setError(null);
    setStarting(true);
    try {
      window.location.assign(await startSingleSignOn(api, address));
    } catch (caught) {
      setError(errorMessage(caught, t));
      setStarting(false);
    }
  };

  return (
    <div className="auth__alt" data-testid="sso-sign-in">
      <ErrorAlert>{error}</ErrorAlert>
      <button type="button" className="button" disabled={starting} onClick={() => void start()}>
        {starting ? t('login.ssoStarting') : t('login.sso')}
      </button>
      <p className="form__section-hint">{t('login.ssoHint')}</p>
    </div>
  );
}
