import type { Metadata } from 'next';

import { getT } from '@/i18n/server';

import { VerifyEmailPageContent } from '@/features/auth/components/verify-email-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('verifyEmail.metaTitle') };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <VerifyEmailPageContent token={typeof token === 'string' ? token : ''} />;
}
