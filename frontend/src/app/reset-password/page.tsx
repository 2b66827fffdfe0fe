import type { Metadata } from 'next';

import { getT } from '@/i18n/server';

import { ResetPasswordPageContent } from '@/features/auth/components/reset-password-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('resetPassword.metaTitle') };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <ResetPasswordPageContent token={typeof token === 'string' ? token : ''} />;
}
