'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { loadNotifications } from './notifications-api';

/** The header's link to the notifications page, with the number of unread ones (refreshed on navigation). */
export function NotificationsBell({ organizationId }: { organizationId: string }) {
  const t = useT();
  const api = useApi();
  const pathname = usePathname();
  const [unread, setUnread] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    loadNotifications(api, organizationId, 1)
      .then((page) => {
        if (current) setUnread(page.unread);
      })
      .catch(() => {
        // The bell is a convenience: the page itself reports errors.
        if (current) setUnread(null);
      });
    return () => {
      current = false;
    };
  }, [api, organizationId, pathname]);

  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link href={orgPath(organizationId, 'notifications')} className="button button--small" data-testid="notifications-bell" aria-label={label} title={label}>
      {/* An SVG, not the 🔔 character: a system without an emoji font drew it as an empty box. */}
      <svg aria-hidden="true" className="icon" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span aria-hidden="true" className="tag tag--danger" data-testid="notifications-unread">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
