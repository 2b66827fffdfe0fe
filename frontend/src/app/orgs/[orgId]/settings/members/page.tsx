import type { Metadata } from 'next';

import { listDepartments } from '@/features/departments/departments-api';
import { listMembers } from '@/features/members/members-api';
import { getT } from '@/i18n/server';
import { isApiError } from '@/lib/api-error';
import type { Department } from '@/lib/api-types';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { MembersPageContent } from '@/features/members/components/members-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('members.metaTitle') };
}

/** Departments name the members' departments; a role that may not list them still sees the members. */
async function loadDepartments(orgId: string): Promise<Department[]> {
  try {
    return (await listDepartments(await serverApi(), orgId)).items;
  } catch (error) {
    if (isApiError(error) && error.status === 403) return [];
    throw error;
  }
}

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const [members, departments] = await Promise.all([
    serverApi().then((api) => orNotFound(listMembers(api, orgId, 1))),
    loadDepartments(orgId),
  ]);
  return <MembersPageContent organizationId={orgId} initialMembers={members} departments={departments} />;
}
