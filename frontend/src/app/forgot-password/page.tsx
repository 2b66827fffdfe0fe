import type { Metadata } from 'next';

import { getT } from '@/i18n/server';

import { ForgotPasswordPageContent } from '@/features/auth/components/forgot-password-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('forgotPassword.metaTitle') };
}

export default function ForgotPasswordPage() {
  return <ForgotPasswordPageContent />;
}
