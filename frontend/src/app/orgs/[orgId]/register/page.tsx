import type { Metadata } from 'next';

import { ComingSoon } from '@/features/shell/coming-soon';
import { getT } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('register.title') };
}

export default function RegisterPage() {
  return <ComingSoon section="register" />;
}
