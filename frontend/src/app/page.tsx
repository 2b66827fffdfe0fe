import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getT } from '@/i18n/server';
import { orgPath } from '@/lib/paths';
import { requireMe } from '@/lib/session';

import { HomePageContent } from '@/features/organizations/components/home-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('home.metaTitle') };
}

/** Signed out → /login; a member → the register of the first organisation; otherwise: create one. */
export default async function HomePage() {
  const me = await requireMe();
  const first = me.memberships[0];
  if (first) redirect(orgPath(first.organizationId, 'register'));
  return <HomePageContent userName={me.name} />;
}
