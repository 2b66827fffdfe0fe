import type { Metadata } from 'next';

import { listDepartments } from '@/features/departments/departments-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DepartmentsPageContent } from '@/features/departments/components/departments-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('departments.metaTitle') };
}

export default async function DepartmentsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const departments = await orNotFound(listDepartments(await serverApi(), orgId));
  return <DepartmentsPageContent organizationId={orgId} initialDepartments={departments} />;
}
