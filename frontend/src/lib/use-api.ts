'use client';

import { useMemo } from 'react';

import { useLocale } from '@/i18n/i18n-provider';

import { createApiClient, type ApiClient } from './api-client';

/** The API client bound to the current locale (sent as Accept-Language, so server messages come translated). */
export function useApi(): ApiClient {
  const locale = useLocale();
  return useMemo(() => createApiClient(locale), [locale]);
}
