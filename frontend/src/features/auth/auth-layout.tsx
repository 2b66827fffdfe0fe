'use client';

import type { ReactNode } from 'react';

import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';

/**
 * The frame of the pages outside an organisation (sign-in, sign-up, passwords, account security,
 * the first organisation): product name, language switch (or the page's own tools), one card.
 */
export function AuthLayout({
  title,
  intro,
  titleId = 'auth-title',
  headerTools,
  cardClassName,
  children,
}: {
  title: string;
  intro: string;
  titleId?: string;
  headerTools?: ReactNode;
  cardClassName?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('common.productName')}</span>
        {headerTools ?? <LanguageSwitch />}
      </header>
      <main className="auth__main" id="main">
        <div className={cardClassName ? `card auth__card ${cardClassName}` : 'card auth__card'}>
          <h1 id={titleId}>{title}</h1>
          <p className="auth__intro">{intro}</p>
          {children}
        </div>
      </main>
    </div>
  );
}
