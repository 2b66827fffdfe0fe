import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getT } from '@/i18n/server';
import { getMeIfReachable } from '@/lib/session';

import { SignupPageContent } from '@/features/auth/components/signup-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('signup.metaTitle') };
}

export default async function SignupPage() {
  if (await getMeIfReachable()) redirect('/');
  return <SignupPageContent />;
}
