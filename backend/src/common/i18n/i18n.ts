import type { Request } from 'express';
import en from '../../domain/i18n/messages.en.json';
import fr from '../../domain/i18n/messages.fr.json';
import { formatMessage } from '../../domain/words/message-format';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
export const catalogues: Record<Locale, Record<string, Record<string, string>>> = { fr, en };

export type MessageParams = Record<string, string | number>;


/** Looks up `namespace.key` in the locale's catalogue; falls back to French, then to the key itself. */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const [namespace, name] = key.split('.', 2);
  const template = catalogues[locale][namespace]?.[name] ?? catalogues.fr[namespace]?.[name];
  // Placeholders and ICU-style plurals (`{count, plural, one {# point} other {# points}}`), by the language's rules.
  return template === undefined ? key : formatMessage(template, params, locale);
}

export function hasMessage(key: string): boolean {
  const [namespace, name] = key.split('.', 2);
  return catalogues.fr[namespace]?.[name] !== undefined;
}

/** `?lang=` wins, then the browser's Accept-Language (first supported tag by weight), then French. */
export function resolveLocale(request: Pick<Request, 'query' | 'headers'>): Locale {
  const lang = request.query?.lang;
  if (typeof lang === 'string' && (LOCALES as string[]).includes(lang)) return lang as Locale;
  const header = request.headers?.['accept-language'];
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return { language: tag.trim().slice(0, 2).toLowerCase(), weight: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight);
    const match = ranked.find((entry) => (LOCALES as string[]).includes(entry.language));
    if (match) return match.language as Locale;
  }
  return 'fr';
}
