'use client';

import Link from 'next/link';
import { useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { verifyEmail } from '@/features/auth/auth-api';
import { AuthLayout } from '@/features/auth/auth-layout';
import { useT } from '@/i18n/i18n-provider';
import { ApiError } from '@/lib/api-error';
import { useApi } from '@/lib/use-api';

/** The e-mailed link opens this page; the address is proven by a click (link scanners only GET). */
export function VerifyEmailPageContent({ token }: { token: string }) {
  const t = useT();
  const api = useApi();
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(token ? null : t('verifyEmail.noToken'));

  async function confirm() {
    setState('sending');
    setError(null);
    try {
      await verifyEmail(api, token);
      setState('done');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('verifyEmail.failed'));
      setState('idle');
    }
  }

  return (
    <AuthLayout title={t('verifyEmail.title')} intro={t('verifyEmail.intro')}>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{state === 'done' ? t('verifyEmail.done') : null}</StatusMessage>
      {state === 'done' ? (
        <p className="auth__alt">
          <Link href="/login">{t('verifyEmail.loginLink')}</Link>
        </p>
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--primary" disabled={!token || state === 'sending'} data-testid="verify-email-confirm" onClick={() => void confirm()}>
            {state === 'sending' ? t('verifyEmail.submitting') : t('verifyEmail.submit')}
          </button>
        </div>
      )}
    </AuthLayout>
  );
}
