import type { Metadata } from 'next';

import { getT } from '@/i18n/server';
import { requireMe } from '@/lib/session';

import { NewOrganizationPageContent } from '@/features/organizations/components/new-organization-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('newOrganization.metaTitle') };
}

export default async function NewOrganizationPage() {
  const me = await requireMe();
  const back = me.memberships[0]?.organizationId ?? null;
  return <NewOrganizationPageContent backToOrganizationId={back} />;
}
