import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getT } from '@/i18n/server';
import { safeNextPath } from '@/lib/paths';
import { getMeIfReachable } from '@/lib/session';

import { LoginPageContent } from '@/features/auth/components/login-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('login.metaTitle') };
}

/** `?next=/invitations/…`: back to the page that asked for a sign-in (a path of this app only). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getMeIfReachable()) redirect(next ?? '/');
  return <LoginPageContent next={next} />;
}
