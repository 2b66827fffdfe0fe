'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { AuthLayout } from '@/features/auth/auth-layout';
import { useT } from '@/i18n/i18n-provider';
import type { Translate } from '@/i18n/translate';
import { ApiError, isApiError } from '@/lib/api-error';
import { unwrap } from '@/lib/api-client';
import type { ApiSchemas } from '@/lib/api-types';
import { invitationPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

type InvitationPreview = ApiSchemas['InvitationPreview'];

/**
 * The server's generic link words ("ask for a new one") do not say who to ask: a closed invitation
 * (accepted, replaced, revoked) or an expired one is told as such, pointing at the person who invited.
 */
function invitationError(caught: unknown, t: Translate): string {
  if (isApiError(caught, 'token_invalid')) return t('invitation.closed');
  if (isApiError(caught, 'token_expired')) return t('invitation.expired');
  return caught instanceof ApiError ? caught.message : t('invitation.failed');
}

/** The e-mailed invitation link: shows the organisation and accepts for the signed-in invited address. */
export function InvitationPageContent({ token }: { token: string }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [accepting, setAccepting] = useState(false);
  useEffect(() => {
    unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })).then(setPreview, (caught: unknown) => setError(invitationError(caught, t)));
  }, [api, token, t]);

  async function accept() {
    setAccepting(true);
    setError(null);
    try {
      const accepted = await unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } }));
      router.replace(`/orgs/${accepted.organizationId}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setNeedsSignIn(true);
      else setError(invitationError(caught, t));
      setAccepting(false);
    }
  }

  return (
    <AuthLayout title={t('invitation.title')} intro={t('invitation.intro')}>
      <ErrorAlert>{error}</ErrorAlert>
      {preview ? (
        <div data-testid="invitation-preview">
          <p>
            {t('invitation.summary', {
              inviter: preview.invitedByName ?? '—',
              organization: preview.organizationName,
              role: preview.roles.map((role) => t(`roles.${role}`)).join(', '),
              email: preview.email,
            })}
          </p>
          {needsSignIn ? (
            <p className="auth__alt">
              {t('invitation.signInFirst', { email: preview.email })}{' '}
              <Link href={`/login?${new URLSearchParams({ next: invitationPath(token) }).toString()}`}>{t('invitation.loginLink')}</Link> ·{' '}
              <Link href={`/signup?${new URLSearchParams({ email: preview.email, next: invitationPath(token) }).toString()}`}>{t('invitation.signupLink')}</Link>
            </p>
          ) : (
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={accepting} data-testid="invitation-accept" onClick={() => void accept()}>
                {accepting ? t('invitation.accepting') : t('invitation.accept')}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </AuthLayout>
  );
}
