'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

import { updateProfile } from '@/features/auth/auth-api';
import { useApi } from '@/lib/use-api';

import { LOCALES, localeCookie, type Locale } from './config';
import { useLocale, useT } from './i18n-provider';

/**
 * FR | EN: stores the choice in the `registre_locale` cookie and re-renders the server components.
 * With `saveToProfile` (signed-in pages) the choice also becomes the account's preferred language.
 */
export function LanguageSwitch({ saveToProfile = false }: { saveToProfile?: boolean }) {
  const t = useT();
  const current = useLocale();
  const router = useRouter();
  const api = useApi();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    document.cookie = localeCookie(locale);
    if (saveToProfile) {
      // Best effort: the cookie already decides what this browser shows.
      updateProfile(api, { locale }).catch(() => undefined);
    }
    startTransition(() => {
      router.refresh();
    });
  }

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} aria-busy={pending}>
      {LOCALES.map((locale, index) => (
        <span key={locale} className="language-switch__item">
          {index > 0 ? (
            <span aria-hidden="true" className="language-switch__sep">
              |
            </span>
          ) : null}
          <button
            type="button"
            lang={locale}
            className="language-switch__button"
            aria-pressed={locale === current}
            // The spoken name starts with what is shown ("FR, Français"), as WCAG 2.5.3 asks.
            aria-label={`${t(`language.short.${locale}`)}, ${t(`language.names.${locale}`)}`}
            data-testid={`locale-${locale}`}
            onClick={() => {
              choose(locale);
            }}
          >
            {t(`language.short.${locale}`)}
          </button>
        </span>
      ))}
    </div>
  );
}
