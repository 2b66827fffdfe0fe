import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getT } from '@/i18n/server';
import { safeNextPath } from '@/lib/paths';
import { getMeIfReachable } from '@/lib/session';

import { SignupPageContent } from '@/features/auth/components/signup-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('signup.metaTitle') };
}

/** `?email=…&next=…`: from an invitation, the invited address filled in and the way back to it after sign-in. */
export default async function SignupPage({ searchParams }: { searchParams: Promise<{ email?: string | string[]; next?: string | string[] }> }) {
  const { email, next } = await searchParams;
  const back = safeNextPath(next);
  if (await getMeIfReachable()) redirect(back ?? '/');
  return <SignupPageContent email={typeof email === 'string' ? email.slice(0, 320) : ''} next={back} />;
}
