import Link from 'next/link';
import type { ReactNode } from 'react';

import { getT } from '@/i18n/server';
import { NotificationsBell } from '@/features/notifications/notifications-bell';
import { LanguageSwitch } from '@/i18n/language-switch';
import type { Me } from '@/lib/api-types';

import { OrgSwitcher } from './org-switcher';
import { SideNav } from './side-nav';
import { SignOutButton } from './sign-out-button';

/** The frame of every /orgs/[orgId]/… page: header, side navigation, main content. */
export async function AppShell({
  me,
  organizationId,
  children,
}: {
  me: Me;
  organizationId: string;
  children: ReactNode;
}) {
  const t = await getT();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('common.productName')}</span>
        <OrgSwitcher memberships={me.memberships} currentOrganizationId={organizationId} />
        <div className="app-header__user">
          <span className="app-header__name" data-testid="user-name">
            {me.name}
          </span>
          <NotificationsBell organizationId={organizationId} />
          <Link href="/account/security" className="app-header__link">
            {t('shell.security')}
          </Link>
          <Link href="/account/password" className="app-header__link">
            {t('shell.changePassword')}
          </Link>
          <LanguageSwitch saveToProfile />
          <SignOutButton />
        </div>
      </header>
      <div className="app-body">
        <SideNav organizationId={organizationId} />
        <main className="app-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
