'use client';

import Link from 'next/link';
import { useSelectedLayoutSegment } from 'next/navigation';

import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { orgPath } from '@/lib/paths';

import { visibleNavItems } from './nav';

export function SideNav({ organizationId }: { organizationId: string }) {
  const t = useT();
  const ability = useAppAbility();
  const active = useSelectedLayoutSegment();
  return (
    <nav className="side-nav" id="app-menu-nav" aria-label={t('shell.mainNavigation')}>
      <ul className="side-nav__list">
        {visibleNavItems(ability).map((item) => (
          <li key={item.key}>
            <Link
              href={orgPath(organizationId, item.key)}
              className="side-nav__link"
              aria-current={active === item.key ? 'page' : undefined}
              data-testid={`nav-${item.key}`}
            >
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
