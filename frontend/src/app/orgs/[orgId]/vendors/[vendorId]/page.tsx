import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { Review, Vendor, VendorDocument } from '@/features/vendors/types';
import { documentsPath, reviewsPath, vendorsPath } from '@/features/vendors/vendors-api';
import { getT } from '@/i18n/server';
import type { PageOf } from '@/lib/api-types';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { VendorPageContent } from './page-content';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadVendor = cache((orgId: string, vendorId: string) => orNotFound(serverGet<Vendor>(vendorsPath(orgId, vendorId))));

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
  const [vendor, reviews, documents] = await Promise.all([
    loadVendor(orgId, vendorId),
    orNotFound(serverGet<PageOf<Review>>(reviewsPath(orgId, vendorId))),
    orNotFound(serverGet<PageOf<VendorDocument>>(documentsPath(orgId, vendorId))),
  ]);
  return (
    <VendorPageContent
      key={vendor.id}
      organizationId={orgId}
      initialVendor={vendor}
      initialReviews={reviews.items}
      initialDocuments={documents.items}
    />
  );
}
