'use client';

import type { ReactNode } from 'react';

import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';

/** The frame of the sign-in and sign-up pages: product name, language switch, one card. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('common.productName')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth__main" id="main">
        <div className="card auth__card">
          <h1 id="auth-title">{title}</h1>
          <p className="auth__intro">{intro}</p>
          {children}
        </div>
      </main>
    </div>
  );
}
