import type { Metadata } from 'next';

import { loadCatalogue } from '@/features/activities/server-data';
import { getT } from '@/i18n/server';
import { requireMembership } from '@/lib/session';

import { NewVendorPageContent } from '@/features/vendors/components/new-vendor-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('vendors.new.title') };
}

/** A new vendor: contributors propose it (under review), the DPO may record any status. */
export default async function NewVendorPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await requireMembership(orgId);
  const mechanisms = await loadCatalogue(orgId, 'transfer-mechanisms');
  return <NewVendorPageContent organizationId={orgId} mechanisms={mechanisms} />;
}
