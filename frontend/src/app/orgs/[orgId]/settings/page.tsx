import type { Metadata } from 'next';

import { getT } from '@/i18n/server';
import { getOrganization } from '@/features/organizations/organizations-api';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { OrganizationSettingsPageContent } from '@/features/organizations/components/organization-settings-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('organizationSettings.metaTitle') };
}

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const organization = await orNotFound(getOrganization(await serverApi(), orgId));
  return <OrganizationSettingsPageContent organizationId={orgId} initialOrganization={organization} />;
}
