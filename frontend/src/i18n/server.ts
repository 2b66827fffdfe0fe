/**
 * Locale and translations for server components: the `registre_locale` cookie, else Accept-Language, else French.
 */
import { cookies, headers } from 'next/headers';
import { cache } from 'react';

import { catalogues } from './catalogues';
import { LOCALE_COOKIE, resolveLocale, type Locale } from './config';
import { createTranslator, type Messages, type Translate } from './translate';

export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
});

export async function getMessages(): Promise<Messages> {
  return catalogues[await getLocale()];
}

export async function getT(): Promise<Translate> {
  const locale = await getLocale();
  return createTranslator(catalogues[locale], locale);
}
