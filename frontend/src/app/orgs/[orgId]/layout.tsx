import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';

import { AppShell } from '@/features/shell/app-shell';
import { AppAbilityProvider } from '@/lib/ability-context';
import { getAbilities } from '@/features/organizations/organizations-api';
import { isApiError } from '@/lib/api-error';
import { serverApi } from '@/lib/server-api';
import { orNotFound, requireMembership } from '@/lib/session';

/** The organisation requires two-factor sign-in of this admin or DPO, who has none yet: set it up first. */
async function mfaSetupFirst<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isApiError(error, 'mfa_required')) redirect('/account/security?required=1');
    throw error;
  }
}

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
  const { rules } = await orNotFound(mfaSetupFirst(getAbilities(await serverApi(), orgId)));
  return (
    <AppAbilityProvider packedRules={rules}>
      <AppShell me={me} organizationId={orgId}>
        {children}
      </AppShell>
    </AppAbilityProvider>
  );
}
