'use client';

import { useSyncExternalStore } from 'react';

import { useLocale } from '@/i18n/i18n-provider';

const subscribe = () => () => undefined;

/**
 * An instant as text in the reader's time zone. The server does not know that zone: it renders UTC
 * (and says so), then the browser shows local time right after hydration, without a mismatch.
 */
export function useDateTimeText(iso: string): string {
  const locale = useLocale();
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (inBrowser) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

export function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{useDateTimeText(iso)}</time>;
}
