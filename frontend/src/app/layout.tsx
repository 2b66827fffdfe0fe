import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { I18nProvider } from '@/i18n/i18n-provider';
import { getLocale, getMessages, getT } from '@/i18n/server';

import './globals.css';

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
      </body>
    </html>
  );
}
