'use client';

import { CreateOrganizationFormView } from '@/features/organizations/create-organization-form';
import { SignOutButton } from '@/features/shell/sign-out-button';
import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';

/** Shown to a signed-in user who belongs to no organisation yet. */
export function HomePageContent({ userName }: { userName: string }) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('common.productName')}</span>
        <div className="auth__header-tools">
          <LanguageSwitch saveToProfile />
          <SignOutButton />
        </div>
      </header>
      <main className="auth__main" id="main">
        <div className="card auth__card">
          <h1 id="home-title">{t('home.title', { name: userName })}</h1>
          <p className="auth__intro">{t('home.intro')}</p>
          <CreateOrganizationFormView labelledBy="home-title" />
        </div>
      </main>
    </div>
  );
}
