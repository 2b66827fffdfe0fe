import type { Metadata } from 'next';

import { getT } from '@/i18n/server';
import { requireMe } from '@/lib/session';

import { ChangePasswordPageContent } from '@/features/auth/components/change-password-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('changePassword.metaTitle') };
}

/** The signed-in user's password change (signed-out visitors go to the sign-in page). */
export default async function ChangePasswordPage() {
  const me = await requireMe();
  return <ChangePasswordPageContent backToOrganizationId={me.memberships[0]?.organizationId ?? null} />;
}
