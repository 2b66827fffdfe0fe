import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { HydrationMark } from '@/components/hydration-mark';
import { I18nProvider } from '@/i18n/i18n-provider';
import { getLocale, getMessages, getT } from '@/i18n/server';

// One plain stylesheet (BEM class names), in cascade order: base and controls first, then each area.
import 'react-day-picker/style.css';
import '@/styles/base.css';
import '@/styles/controls.css';
import '@/styles/forms.css';
import '@/styles/auth.css';
import '@/styles/shell.css';
import '@/styles/settings.css';
import '@/styles/register.css';
import '@/styles/activity.css';
import '@/styles/vendors.css';
import '@/styles/design-grid.css';
import '@/styles/processors.css';
import '@/styles/dashboard.css';
import '@/styles/security.css';
import '@/styles/dpias.css';
import '@/styles/registers.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { template: `%s · ${t('common.productName')}`, default: t('common.productName') },
    description: t('meta.description'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
