'use client';

import { AuthLayout } from '@/features/auth/auth-layout';
import { CreateOrganizationFormView } from '@/features/organizations/create-organization-form';
import { SignOutButton } from '@/features/shell/sign-out-button';
import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';

/** Shown to a signed-in user who belongs to no organisation yet. */
export function HomePageContent({ userName }: { userName: string }) {
  const t = useT();
  return (
    <AuthLayout
      title={t('home.title', { name: userName })}
      intro={t('home.intro')}
      titleId="home-title"
      headerTools={
        <div className="auth__header-tools">
          <LanguageSwitch saveToProfile />
          <SignOutButton />
        </div>
      }
    >
      <CreateOrganizationFormView labelledBy="home-title" />
    </AuthLayout>
  );
}
