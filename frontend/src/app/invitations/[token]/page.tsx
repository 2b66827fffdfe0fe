import type { Metadata } from 'next';

import { getT } from '@/i18n/server';

import { InvitationPageContent } from '@/features/auth/components/invitation-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('invitation.metaTitle') };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationPageContent token={token} />;
}
