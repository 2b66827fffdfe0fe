import type { Metadata } from 'next';

import { departmentsPath } from '@/features/departments/departments-api';
import { getT } from '@/i18n/server';
import type { Department, PageOf } from '@/lib/api-types';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DepartmentsPageContent } from './page-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('departments.metaTitle') };
}

export default async function DepartmentsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const departments = await orNotFound(serverGet<PageOf<Department>>(departmentsPath(orgId)));
  return <DepartmentsPageContent organizationId={orgId} initialDepartments={departments} />;
}
