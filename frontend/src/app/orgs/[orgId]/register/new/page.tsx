import type { Metadata } from 'next';

import { loadActivityCatalogues, loadDepartments, loadOwnerOptions, loadScreeningThresholds } from '@/features/activities/server-data';
import { getT } from '@/i18n/server';
import { requireMembership } from '@/lib/session';

import { NewActivityPageContent } from '@/features/activities/components/new-activity-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('activity.new.title') };
}

export default async function NewActivityPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { me } = await requireMembership(orgId);
  const [catalogues, departments, owners, thresholds] = await Promise.all([
    loadActivityCatalogues(orgId),
    loadDepartments(orgId),
    loadOwnerOptions(orgId),
    loadScreeningThresholds(orgId),
  ]);
  const myDepartment = owners.find((owner) => owner.userId === me.id)?.departmentId ?? null;
  return (
    <NewActivityPageContent
      organizationId={orgId}
      me={{ id: me.id, departmentId: myDepartment }}
      catalogues={catalogues}
      departments={departments}
      owners={owners}
      thresholds={thresholds}
    />
  );
}
