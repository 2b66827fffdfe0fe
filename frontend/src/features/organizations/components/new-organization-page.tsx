'use client';

import Link from 'next/link';

import { AuthLayout } from '@/features/auth/auth-layout';
import { CreateOrganizationFormView } from '@/features/organizations/create-organization-form';
import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';

export function NewOrganizationPageContent({ backToOrganizationId }: { backToOrganizationId: string | null }) {
  const t = useT();
  return (
    <AuthLayout title={t('newOrganization.title')} intro={t('newOrganization.intro')} titleId="new-organization-title">
      <CreateOrganizationFormView labelledBy="new-organization-title" />
      {backToOrganizationId ? (
        <p className="auth__alt">
          <Link href={orgPath(backToOrganizationId, 'register')}>{t('newOrganization.back')}</Link>
        </p>
      ) : null}
    </AuthLayout>
  );
}
