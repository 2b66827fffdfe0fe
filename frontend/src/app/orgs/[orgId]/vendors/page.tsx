import type { Metadata } from 'next';

import { parseVendorQuery } from '@/features/vendors/vendor-query';
import { getCountries, listVendors } from '@/features/vendors/vendors-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { VendorsPageContent } from '@/features/vendors/components/vendors-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('vendors.title') };
}

/** The vendors: the URL's search parameters are the filters, the sort and the page. */
export default async function VendorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId } = await params;
  const query = parseVendorQuery(await searchParams);
  const api = await serverApi();
  const [vendors, countries] = await Promise.all([orNotFound(listVendors(api, orgId, query)), orNotFound(getCountries(api, orgId))]);
  return <VendorsPageContent organizationId={orgId} query={query} vendors={vendors} countries={countries} />;
}
