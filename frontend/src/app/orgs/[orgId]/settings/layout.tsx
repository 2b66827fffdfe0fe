import type { ReactNode } from 'react';

import { SettingsTabs } from '@/features/shell/settings-tabs';
import { getT } from '@/i18n/server';

export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgId: string }>;
}) {
  const [{ orgId }, t] = await Promise.all([params, getT()]);
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>
      <SettingsTabs organizationId={orgId} />
      {children}
    </section>
  );
}
