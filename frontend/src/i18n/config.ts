/**
 * Locale configuration and negotiation. Pure functions: usable on the server, in the browser and in tests.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** French is the default: Registre's primary users are French DPOs. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** Cookie holding the user's explicit choice; readable by the server (not httpOnly, it holds no secret). */
export const LOCALE_COOKIE = 'registre_locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

interface WeightedLanguage {
  tag: string;
  q: number;
  index: number;
}

/** Parses an Accept-Language header into language tags, best first (by q-value, then by order). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: WeightedLanguage[] = [];
  header.split(',').forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim().toLowerCase();
    if (!tag) return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim() === 'q' && value !== undefined) {
        const parsed = Number.parseFloat(value);
        q = Number.isFinite(parsed) ? parsed : 0;
      }
    }
    if (q > 0) entries.push({ tag, q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((entry) => entry.tag);
}

/** The first supported locale the browser prefers; French when it names none of ours. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The cookie wins when it holds a supported locale; then Accept-Language; then French. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage);
}

/** The cookie string the language switch writes in the browser. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${String(LOCALE_COOKIE_MAX_AGE_SECONDS)}; SameSite=Lax`;
}
