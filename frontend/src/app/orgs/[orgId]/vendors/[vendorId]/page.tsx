import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { loadCatalogue } from '@/features/activities/server-data';
import { getVendor, listDocuments, listReviews } from '@/features/vendors/vendors-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { VendorPageContent } from '@/features/vendors/components/vendor-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadVendor = cache((orgId: string, vendorId: string) => serverApi().then((api) => orNotFound(getVendor(api, orgId, vendorId))));

export async function generateMetadata({ params }: { params: Promise<{ orgId: string; vendorId: string }> }): Promise<Metadata> {
  const { orgId, vendorId } = await params;
  const t = await getT();
  if (!UUID.test(vendorId)) return { title: t('vendors.title') };
  const vendor = await loadVendor(orgId, vendorId);
  return { title: vendor.name };
}

/** A vendor: its transfers, links, documents, reviews; the DPO reviews or terminates it here. */
export default async function VendorPage({ params }: { params: Promise<{ orgId: string; vendorId: string }> }) {
  const { orgId, vendorId } = await params;
  if (!UUID.test(vendorId)) notFound();
  const [vendor, reviews, documents, mechanisms] = await Promise.all([
    loadVendor(orgId, vendorId),
    serverApi().then((api) => orNotFound(listReviews(api, orgId, vendorId))),
    serverApi().then((api) => orNotFound(listDocuments(api, orgId, vendorId))),
    loadCatalogue(orgId, 'transfer-mechanisms'),
  ]);
  return (
    <VendorPageContent
      key={vendor.id}
      organizationId={orgId}
      initialVendor={vendor}
      initialReviews={reviews.items}
      initialDocuments={documents.items}
      mechanisms={mechanisms}
    />
  );
}
