'use client';

import Link from 'next/link';
import { useSelectedLayoutSegment } from 'next/navigation';

import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';

const TABS = [
  { segment: null, path: 'settings', labelKey: 'settings.tabs.organization', testId: 'settings-tab-organization' },
  { segment: 'members', path: 'settings/members', labelKey: 'settings.tabs.members', testId: 'settings-tab-members' },
  {
    segment: 'departments',
    path: 'settings/departments',
    labelKey: 'settings.tabs.departments',
    testId: 'settings-tab-departments',
  },
  { segment: 'emails', path: 'settings/emails', labelKey: 'notifications.emails.tab', testId: 'settings-tab-emails' },
] as const;

/** Organisation / Members / Departments. Read-only roles see them too: each page shows what they may read. */
export function SettingsTabs({ organizationId }: { organizationId: string }) {
  const t = useT();
  const active = useSelectedLayoutSegment();
  return (
    <nav className="tabs" aria-label={t('settings.tabsLabel')}>
      <ul className="tabs__list">
        {TABS.map((tab) => (
          <li key={tab.path}>
            <Link
              href={orgPath(organizationId, tab.path)}
              className="tabs__link"
              aria-current={active === tab.segment ? 'page' : undefined}
              data-testid={tab.testId}
            >
              {t(tab.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
