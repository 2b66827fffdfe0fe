'use client';

import Link from 'next/link';

import { CreateOrganizationFormView } from '@/features/organizations/create-organization-form';
import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';
import { orgPath } from '@/lib/paths';

export function NewOrganizationPageContent({ backToOrganizationId }: { backToOrganizationId: string | null }) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('common.productName')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth__main" id="main">
        <div className="card auth__card">
          <h1 id="new-organization-title">{t('newOrganization.title')}</h1>
          <p className="auth__intro">{t('newOrganization.intro')}</p>
          <CreateOrganizationFormView labelledBy="new-organization-title" />
          {backToOrganizationId ? (
            <p className="auth__alt">
              <Link href={orgPath(backToOrganizationId, 'register')}>{t('newOrganization.back')}</Link>
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
