import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getT } from '@/i18n/server';
import { getMeIfReachable } from '@/lib/session';

import { LoginPageContent } from '@/features/auth/components/login-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('login.metaTitle') };
}

export default async function LoginPage() {
  if (await getMeIfReachable()) redirect('/');
  return <LoginPageContent />;
}
