import type { Metadata } from 'next';

import { getT } from '@/i18n/server';

import { ExportsPageContent } from '@/features/exports/components/exports-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('exports.title') };
}

/** Exports (register, vendors, Art 30(2) register, template, evidence pack) and the xlsx import. */
export default async function ExportsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <ExportsPageContent organizationId={orgId} />;
}
