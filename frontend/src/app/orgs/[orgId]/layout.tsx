import type { ReactNode } from 'react';

import { AppShell } from '@/features/shell/app-shell';
import { AppAbilityProvider } from '@/lib/ability-context';
import { getAbilities } from '@/features/organizations/organizations-api';
import { serverApi } from '@/lib/server-api';
import { orNotFound, requireMembership } from '@/lib/session';

/** Guard of every organisation page: signed out → /login; not a member → 404. Loads the role's abilities. */
export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgId: string }>;
}) {
  const { orgId } = await params;
  const { me } = await requireMembership(orgId);
  const { rules } = await orNotFound(getAbilities(await serverApi(), orgId));
  return (
    <AppAbilityProvider packedRules={rules}>
      <AppShell me={me} organizationId={orgId}>
        {children}
      </AppShell>
    </AppAbilityProvider>
  );
}
