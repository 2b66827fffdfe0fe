import Link from 'next/link';
import type { ReactNode } from 'react';

import { getT } from '@/i18n/server';
import { NotificationsBell } from '@/features/notifications/notifications-bell';
import { LanguageSwitch } from '@/i18n/language-switch';
import type { Me } from '@/lib/api-types';

import { OrgSwitcher } from './org-switcher';
import { MenuToggle, ShellFrame } from './shell-menu';
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
    <ShellFrame>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <span className="brand">{t('common.productName')}</span>
          <NotificationsBell organizationId={organizationId} />
          <MenuToggle />
        </div>
        <div className="app-header__tools" id="app-menu-tools">
          <OrgSwitcher memberships={me.memberships} currentOrganizationId={organizationId} />
          <div className="app-header__user">
            <span className="app-header__name" data-testid="user-name">
              {me.name}
            </span>
            <Link href="/account/security" className="app-header__link">
              {t('shell.security')}
            </Link>
            <Link href="/account/password" className="app-header__link">
              {t('shell.changePassword')}
            </Link>
            <LanguageSwitch saveToProfile />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="app-body">
        <SideNav organizationId={organizationId} />
        <main className="app-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </ShellFrame>
  );
}
