'use client';

import Link from 'next/link';
import { useState } from 'react';

import { SessionsSection } from '@/features/auth/sessions-section';
import { TwoFactorSection } from '@/features/auth/two-factor-section';
import { AuthLayout } from '@/features/auth/auth-layout';
import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';

export function SecurityPageContent({ backToOrganizationId, required }: { backToOrganizationId: string | null; required: boolean }) {
  const t = useT();
  // Turning two-factor on or off ends the other sessions: the list reloads.
  const [sessionsKey, setSessionsKey] = useState(0);
  return (
    <AuthLayout title={t('security.title')} intro={t('security.intro')} titleId="security-title" cardClassName="security__page">
      {required && (
        <p className="alert alert--error" role="alert">
          {t('security.required')}
        </p>
      )}
      <TwoFactorSection onChanged={() => setSessionsKey((key) => key + 1)} />
      <SessionsSection reloadKey={sessionsKey} />
      <p className="auth__alt">
        <Link href="/account/password">{t('security.passwordLink')}</Link>
      </p>
      <p className="auth__alt">
        <Link href={backToOrganizationId ? orgPath(backToOrganizationId, 'register') : '/'}>{t('security.back')}</Link>
      </p>
    </AuthLayout>
  );
}
