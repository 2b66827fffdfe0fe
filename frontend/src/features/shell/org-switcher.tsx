'use client';

import Link from 'next/link';
import { useRouter, useSelectedLayoutSegment } from 'next/navigation';

import { useT } from '@/i18n/i18n-provider';
import type { Membership } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';
import { rolesLabel } from '@/lib/roles';

/** Switches to another organisation, staying in the same section (register, vendors, …). */
export function OrgSwitcher({
  memberships,
  currentOrganizationId,
}: {
  memberships: readonly Membership[];
  currentOrganizationId: string;
}) {
  const t = useT();
  const router = useRouter();
  const section = useSelectedLayoutSegment() ?? 'register';

  return (
    <div className="org-switcher">
      <label className="org-switcher__label" htmlFor="org-switcher">
        {t('shell.organization')}
      </label>
      <select
        id="org-switcher"
        className="org-switcher__select"
        data-testid="org-switcher"
        value={currentOrganizationId}
        onChange={(event) => {
          router.push(orgPath(event.target.value, section));
        }}
      >
        {memberships.map((membership) => (
          <option key={membership.organizationId} value={membership.organizationId}>
            {membership.organizationName} ({rolesLabel(t, membership.roles)})
          </option>
        ))}
      </select>
      <Link href="/orgs/new" className="org-switcher__new" data-testid="new-organization">
        {t('shell.newOrganization')}
      </Link>
    </div>
  );
}
