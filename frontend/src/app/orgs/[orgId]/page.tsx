import { redirect } from 'next/navigation';

import { orgPath } from '@/lib/paths';

export default async function OrganizationHomePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  redirect(orgPath(orgId, 'register'));
}
