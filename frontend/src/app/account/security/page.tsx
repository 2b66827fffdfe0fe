import type { Metadata } from 'next';

import { getT } from '@/i18n/server';
import { requireMe } from '@/lib/session';

import { SecurityPageContent } from '@/features/auth/components/security-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('security.metaTitle') };
}

/** Two-factor sign-in and open sessions of the signed-in user (signed-out visitors go to the sign-in page). */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const me = await requireMe();
  const { required } = await searchParams;
  return <SecurityPageContent backToOrganizationId={me.memberships[0]?.organizationId ?? null} required={required === '1'} />;
}
