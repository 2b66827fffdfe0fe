'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';

import type { Locale } from './config';
import { createTranslator, type Messages, type Translate } from './translate';

interface I18nContextValue {
  locale: Locale;
  messages: Messages;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Gives client components the catalogue the server resolved for this request. */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ locale, messages, t: createTranslator(messages, locale) }), [locale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLocale must be used inside <I18nProvider>.');
  return value;
}

/** `const t = useT(); t('login.title')` */
export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Locale {
  return useI18n().locale;
}

export function useMessages(): Messages {
  return useI18n().messages;
}
